package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.NodeName;
import dev.tiktokcalendar.calendar.PostClaim;
import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.calendar.PostStateMachine;
import dev.tiktokcalendar.calendar.PostTransition;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sends the inits of posts prepared ahead of their time at their due instants, on
 * {@code calendar.publishing.dispatch-threads} threads of their own. A prepared post waits here in memory, claimed:
 * nothing has reached TikTok for it but {@code creator_info}, so a node that dies loses only the preparation (the
 * claims expire and the posts go back to the pool), and a node that stops puts its waiting posts back at once.
 */
@Component
public class InitDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InitDispatcher.class);

    private final ScheduledThreadPoolExecutor executor;
    private final PostStateMachine states;
    private final NodeName nodeName;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger sending = new AtomicInteger();
    private final Object changed = new Object();

    public InitDispatcher(PublishingProperties properties, PostStateMachine states, NodeName nodeName,
                          MeterRegistry meters, Clock clock) {
        this.states = states;
        this.nodeName = nodeName;
        this.meters = meters;
        this.clock = clock;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(properties.dispatchThreads(), runnable -> {
            Thread thread = new Thread(runnable, "dispatch-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code init} for the post of {@code claim} at its due instant; it must leave the post in a committed state. */
    public void sendAt(PostClaim claim, Supplier<PublishOutcome> init) {
        Waiting entry = new Waiting(claim);
        waiting.put(claim.postId(), entry);
        long delayMillis = Math.max(0, Duration.between(clock.instant(), claim.dueAt()).toMillis());
        executor.schedule(() -> send(entry, init), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void send(Waiting entry, Supplier<PublishOutcome> init) {
        sending.incrementAndGet();
        try {
            if (!waiting.remove(entry.claim().postId(), entry)) {
                return; // put back at shutdown
            }
            PublishOutcome outcome = init.get();
            meters.counter("calendar.publish.outcomes", "outcome", outcome.name()).increment();
        } catch (RuntimeException e) {
            // its last committed state stands: a claim expires back to the pool, an init intent becomes UNKNOWN
            log.error("post {}: sending its init failed unexpectedly; its claim decides what follows", entry.claim().postId(), e);
        } finally {
            sending.decrementAndGet();
            synchronized (changed) {
                changed.notifyAll();
            }
        }
    }

    /** Waits until every post due by {@code instant} has been sent, at most {@code patience}; true when none is left. */
    public boolean awaitSentDueBy(Instant instant, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (changed) {
            while (sending.get() > 0 || waiting.values().stream().anyMatch(entry -> !entry.claim().dueAt().isAfter(instant))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(changed, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
        return true;
    }

    public int waiting() {
        return waiting.size();
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        int putBack = 0;
        for (Waiting entry : waiting.values()) {
            if (waiting.remove(entry.claim().postId(), entry)) {
                PostClaim claim = entry.claim();
                putBack += states.applyToClaimed(claim, nodeName.value(), PostTransition.of(claim.postId(),
                        PostState.CLAIMED, PostState.SCHEDULED, "the node preparing it stopped before its time; back in the queue",
                        claim.dueAt()), () -> Boolean.TRUE).isPresent() ? 1 : 0;
            }
        }
        if (putBack > 0) {
            log.info("{} prepared post(s) put back in the queue for another node or the next start", putBack);
        }
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("inits still being sent at shutdown; their posts are reconciled when their claims run out");
            executor.shutdownNow();
        }
    }

    private record Waiting(PostClaim claim) {
    }
}
