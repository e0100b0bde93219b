package dev.tiktokcalendar.jobs.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An upload frees its thread once its bytes are sent, and counts as unfinished until its post's move is committed. */
class MediaUploadsTest {

    private final PublishingProperties oneUploadThread = new PublishingProperties(null, List.of(), 100, 2000,
            Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(2), 8, 4, 1, 3, Duration.ofMinutes(1),
            Duration.ofSeconds(30), new PublishingProperties.Reconciliation(null, null, null, null, null, null, null, 500, 5000));
    // no init is ever waiting: the uploads never have to yield (and it needs no database; its threads are daemons)
    private final InitDispatcher noInits = new InitDispatcher(oneUploadThread, null, null, new SimpleMeterRegistry(),
            Clock.systemUTC());
    private final MediaUploads uploads = new MediaUploads(oneUploadThread, noInits);

    @AfterEach
    void stop() throws InterruptedException {
        uploads.destroy();
    }

    @Test
    void theNextUploadStreamsWhileTheFirstOnesCommitIsPendingAndTheUploadsEndWithThatCommit() throws Exception {
        CompletableFuture<Boolean> firstCommitted = new CompletableFuture<>();
        CountDownLatch secondStreamed = new CountDownLatch(1);

        uploads.submit(1, () -> firstCommitted);
        uploads.submit(2, () -> {
            secondStreamed.countDown();
            return CompletableFuture.completedFuture(true);
        });

        assertThat(secondStreamed.await(5, TimeUnit.SECONDS)).as("the only upload thread went on to the second upload")
                .isTrue();
        assertThat(uploads.awaitIdle(Duration.ofMillis(200))).as("the first upload's move is not committed yet").isFalse();
        assertThat(uploads.unfinished()).isEqualTo(1);
        firstCommitted.complete(true);
        assertThat(uploads.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void anUploadWhoseCommitFailedStillEnds() throws Exception {
        uploads.submit(1, () -> CompletableFuture.failedFuture(new IllegalStateException("database away")));
        uploads.submit(2, () -> {
            throw new IllegalStateException("stream broke");
        });

        assertThat(uploads.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }
}
