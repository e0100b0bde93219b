package dev.tiktokcalendar.simulator.oauth;

import java.time.Instant;
import java.util.Set;

/** A single-use authorization code, bound to the client, the redirect URI and the optional PKCE challenge. */
record AuthorizationCode(String creatorOpenId, Set<String> scopes, String clientKey, String redirectUri,
                         String codeChallenge, Instant expiresAt) {
}
