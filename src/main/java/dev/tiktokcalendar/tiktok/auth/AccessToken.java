package dev.tiktokcalendar.tiktok.auth;

import java.time.Instant;

/** An account's usable access token, with the {@code token_version} it was read at (to refresh it at most once). */
public record AccessToken(long accountId, Secret value, Instant expiresAt, long version) {
}
