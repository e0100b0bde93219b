package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.InitIntents;

import java.util.function.IntFunction;

/**
 * A checked post waiting for its due instant: the intent to commit then, and the init to send once it is committed
 * (given the attempt number the intent opened; it must leave the post in a committed state).
 */
public record PreparedInit(InitIntents.Intent intent, IntFunction<PublishOutcome> sendUnderAttempt) {

    public long postId() {
        return intent.claim().postId();
    }
}
