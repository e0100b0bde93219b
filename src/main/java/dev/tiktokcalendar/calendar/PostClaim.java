package dev.tiktokcalendar.calendar;

import java.time.Instant;

/**
 * This node's claim on a post: when the post is due (its {@code next_attempt_at} before the claim, and never before its
 * publish time), when the claim expires, and the state it was claimed from (SCHEDULED or DEFERRED). The expiry also
 * identifies the claim: a post released and claimed again has another.
 */
public record PostClaim(long postId, Instant dueAt, Instant expiresAt, PostState claimedFrom) {

    public boolean wasDeferred() {
        return claimedFrom == PostState.DEFERRED;
    }
}
