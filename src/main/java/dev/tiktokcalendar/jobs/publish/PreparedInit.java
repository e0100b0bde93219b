package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.InitIntents;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * A checked post waiting for its due instant: the intent to commit then, and the init to send once it is committed
 * (given the attempt number the intent opened). The init's future completes when the post is in a committed state
 * and what follows it (an upload) has been handed on.
 */
public record PreparedInit(InitIntents.Intent intent, IntFunction<CompletableFuture<PublishOutcome>> sendUnderAttempt) {

    public long postId() {
        return intent.claim().postId();
    }
}
