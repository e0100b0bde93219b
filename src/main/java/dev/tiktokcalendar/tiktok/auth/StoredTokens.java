package dev.tiktokcalendar.tiktok.auth;

import java.time.Instant;

/** An account's tokens as stored, decrypted, with its status and {@code token_version}. */
public record StoredTokens(long accountId, String status, Secret accessToken, Instant accessExpiresAt,
                           Secret refreshToken, Instant refreshExpiresAt, long version) {

    public AccessToken access() {
        return new AccessToken(accountId, accessToken, accessExpiresAt, version);
    }
}
