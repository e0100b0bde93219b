package dev.tiktokcalendar.simulator.oauth;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.limit.RateLimits;

import java.util.Arrays;

/**
 * Admits a data-endpoint request, in TikTok's order: a live bearer token ({@code access_token_invalid}),
 * one of the required scopes ({@code scope_not_authorized}), then the rate limit ({@code rate_limit_exceeded}).
 */
public final class RequestGate {

    private final TokenStore tokens;
    private final RateLimits rateLimits;

    public RequestGate(TokenStore tokens, RateLimits rateLimits) {
        this.tokens = tokens;
        this.rateLimits = rateLimits;
    }

    /** @param anyOfScopes the request needs at least one of these */
    public Grant admit(HttpCall call, String... anyOfScopes) {
        String token = bearer(call);
        Grant grant = tokens.grantOf(token).orElseThrow(ApiException::accessTokenInvalid);
        call.authenticatedAs(grant.creatorOpenId());
        if (anyOfScopes.length > 0 && Arrays.stream(anyOfScopes).noneMatch(grant.scopes()::contains)) {
            throw ApiException.scopeNotAuthorized(String.join(" or ", anyOfScopes));
        }
        rateLimits.check(call, grant.creatorOpenId(), token);
        return grant;
    }

    /** Used by the REVOKE_TOKEN fault: the caller's creator disconnects the app before being served. */
    public void revokeCaller(HttpCall call) {
        tokens.grantOf(bearer(call)).ifPresent(grant ->
                tokens.revokeCreator(grant.creatorOpenId(), RevokedAuthorization.USER_DISCONNECTED));
    }

    private static String bearer(HttpCall call) {
        String header = call.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
