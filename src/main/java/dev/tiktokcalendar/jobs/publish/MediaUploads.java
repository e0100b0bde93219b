package dev.tiktokcalendar.jobs.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Streams the media of posts whose init TikTok accepted, on {@code calendar.publishing.upload-threads} threads of
 * their own: the publishing threads go on to the next due posts' inits instead of waiting behind uploads (a large
 * video takes minutes to stream, an init one round trip). A queued upload already holds its post's upload lease, so
 * a node that dies with uploads queued hands those posts to reconciliation one lease later, as mid-upload. An upload
 * starts once no init is due or being sent (waiting at most {@link #YIELD_TO_INITS}): inits are bound to their posts'
 * due instants and share the node's CPU with uploads; an upload URL stays valid for an hour.
 */
@Component
public class MediaUploads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);

    static final Duration YIELD_TO_INITS = Duration.ofSeconds(5);

    private final ThreadPoolExecutor executor;
    private final InitDispatcher inits;
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Object idle = new Object();

    public MediaUploads(PublishingProperties properties, InitDispatcher inits) {
        this.inits = inits;
        this.executor = new ThreadPoolExecutor(properties.uploadThreads(), properties.uploadThreads(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), InitDispatcher.daemonThreads("upload-"));
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code upload}, which streams on an upload thread and returns a future that completes once its post's
     * outcome is committed: the thread goes on to the next upload meanwhile, and the upload counts as unfinished until
     * then. It must leave its post in a committed state whatever happens.
     */
    public void submit(long postId, Supplier<? extends CompletionStage<?>> upload) {
        unfinished.incrementAndGet();
        executor.execute(() -> {
            CompletionStage<?> committed;
            try {
                inits.awaitSentDueNow(YIELD_TO_INITS);
                committed = upload.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("post {}: interrupted before its upload; reconciliation takes the post over when its upload "
                        + "lease runs out", postId);
                finished();
                return;
            } catch (RuntimeException e) {
                stoppedUnexpectedly(postId, e);
                finished();
                return;
            }
            committed.whenComplete((outcome, failure) -> {
                if (failure != null) {
                    stoppedUnexpectedly(postId, failure);
                }
                finished();
            });
        });
    }

    private static void stoppedUnexpectedly(long postId, Throwable failure) {
        // the post stays UPLOADING until its lease runs out; reconciliation then decides, as after a crash
        log.error("post {}: the upload stopped unexpectedly; reconciliation takes the post over when its upload "
                + "lease runs out", postId, failure);
    }

    private void finished() {
        if (unfinished.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Waits until every queued upload has ended, at most {@code patience}; true when none is left. */
    public boolean awaitIdle(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (idle) {
            while (unfinished.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    public int unfinished() {
        return unfinished.get();
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("{} upload(s) still running at shutdown; their posts go to reconciliation when their leases run out",
                    unfinished.get());
            executor.shutdownNow();
        }
    }
}
