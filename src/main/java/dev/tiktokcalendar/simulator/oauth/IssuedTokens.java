package dev.tiktokcalendar.simulator.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The token endpoint's success body (contract §1.3); also what pre-issued tokens are written as. */
public record IssuedTokens(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("open_id") String openId,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("scope") String scope,
        @JsonProperty("token_type") String tokenType) {

    @Override
    public String toString() {
        return "IssuedTokens[openId=" + openId + ", scope=" + scope + "]";
    }
}
