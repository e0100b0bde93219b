package dev.tiktokcalendar.tiktok.auth;

import java.time.Instant;

/**
 * What the token endpoint granted (contract §1.3/§1.4), with lifetimes turned into instants from
 * {@code expires_in}/{@code refresh_expires_in} at the moment the answer arrived. Tokens are {@link Secret}s.
 */
public record TokenGrant(String openId, Secret accessToken, Instant accessExpiresAt, Secret refreshToken,
                         Instant refreshExpiresAt, String scope) {
}
