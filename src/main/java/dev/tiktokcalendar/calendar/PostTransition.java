package dev.tiktokcalendar.calendar;

import java.time.Instant;
import java.util.Set;

/**
 * One state change of a post: from any of {@code expectedStates} to {@code target}, with the reason a user
 * reads in the post's history, and when the pipeline should look at the post next ({@code null}: not again).
 */
public record PostTransition(long postId, Set<PostState> expectedStates, PostState target, String reason,
                             Instant nextAttemptAt) {

    public PostTransition {
        for (PostState from : expectedStates) {
            if (!from.canMoveTo(target)) {
                throw new IllegalArgumentException("A post cannot move from " + from + " to " + target);
            }
        }
        if (target.isPending() && nextAttemptAt == null) {
            throw new IllegalArgumentException(target + " is a pending state: it needs the time to look at the post again");
        }
    }

    public static PostTransition of(long postId, PostState from, PostState target, String reason, Instant nextAttemptAt) {
        return new PostTransition(postId, Set.of(from), target, reason, nextAttemptAt);
    }
}
