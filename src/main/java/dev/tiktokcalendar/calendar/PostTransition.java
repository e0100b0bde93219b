package dev.tiktokcalendar.calendar;

import java.time.Instant;
import java.util.Set;

/**
 * One state change of a post: from any of {@code expectedStates} to {@code target}, with the reason a user
 * reads in the post's history, when the pipeline should look at the post next ({@code null}: keep the current
 * time), and optionally what went wrong ({@link Failure}), where it went out ({@link Publication}) and the API call whose
 * answer it records ({@code call}: its history row is written with the transition's, or alone when the post had moved).
 */
public record PostTransition(long postId, Set<PostState> expectedStates, PostState target, String reason,
                             Instant nextAttemptAt, Failure failure, Publication publication, ApiCallEvent call) {

    /** When the pipeline never needs to look at a post again by itself. */
    public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    public PostTransition {
        expectedStates = Set.copyOf(expectedStates);
        for (PostState from : expectedStates) {
            if (!from.canMoveTo(target)) {
                throw new IllegalArgumentException("A post cannot move from " + from + " to " + target);
            }
        }
        if (target.isPending() && nextAttemptAt == null) {
            throw new IllegalArgumentException(target + " is a pending state: it needs the time to look at the post again");
        }
    }

    public PostTransition(long postId, Set<PostState> expectedStates, PostState target, String reason, Instant nextAttemptAt) {
        this(postId, expectedStates, target, reason, nextAttemptAt, null, null, null);
    }

    public static PostTransition of(long postId, PostState from, PostState target, String reason, Instant nextAttemptAt) {
        return new PostTransition(postId, Set.of(from), target, reason, nextAttemptAt);
    }

    public PostTransition withFailure(Failure failure) {
        return new PostTransition(postId, expectedStates, target, reason, nextAttemptAt, failure, publication, call);
    }

    public PostTransition withPublication(Publication publication) {
        return new PostTransition(postId, expectedStates, target, reason, nextAttemptAt, failure, publication, call);
    }

    /** {@code call} may be null (no call reached TikTok). */
    public PostTransition withCall(ApiCallEvent call) {
        return new PostTransition(postId, expectedStates, target, reason, nextAttemptAt, failure, publication, call);
    }

    /** TikTok's code (or {@code fail_reason}, or a check of ours), its message and log id, and what the user can do. */
    public record Failure(String code, String message, String logId, String userAction) {
    }

    /** Where a post went out: its TikTok post id and URL when public, and when TikTok reported it complete. */
    public record Publication(String tiktokPostId, String tiktokUrl, Instant completedAt) {
    }
}
