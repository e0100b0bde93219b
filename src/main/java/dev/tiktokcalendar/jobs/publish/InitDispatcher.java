package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.InitIntents;
import dev.tiktokcalendar.calendar.InitTraffic;
import dev.tiktokcalendar.calendar.PostClaim;
import dev.tiktokcalendar.calendar.PostClaimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Sends the inits of prepared posts at their due instants. When posts come due, one sweep takes up to
 * {@code claim-batch} of them, commits their intents in one transaction ({@link InitIntents}) and hands each init to
 * one of {@code calendar.publishing.dispatch-threads} threads: posts due together cost a few statements for their
 * intents, not a transaction each, and their inits go out side by side. A prepared post waits here in memory, claimed;
 * nothing has reached TikTok for it but {@code creator_info}, so a node that dies loses only the preparation (the
 * claims expire and the posts go back to the pool), and a node that stops puts its waiting posts back at once.
 */
@Component
public class InitDispatcher implements DisposableBean, InitTraffic {

    private static final Logger log = LoggerFactory.getLogger(InitDispatcher.class);
    private static final Comparator<Waiting> DUE_ORDER = Comparator.comparing(Waiting::dueAt).thenComparingLong(Waiting::postId);
    // while one sweep waits for its batch's intent transaction, others take the next batches: posts due together are
    // released to the senders side by side instead of one batch after the other
    private static final int SWEEP_THREADS = 8;
    // posts prepared after their due instant (more due at once than preparing keeps up with) are gathered this long, so
    // their intents share a transaction: an intent transaction of one post is 8 statements (bench/RESULTS.md, statements
    // per post)
    private static final Duration LATE_GATHERING = Duration.ofMillis(5);

    private final ScheduledThreadPoolExecutor sweeps;
    private final ThreadPoolExecutor senders;
    private final InitIntents intents;
    private final PostClaimer claimer;
    private final PublishingProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ConcurrentSkipListMap<Waiting, PreparedInit> waiting = new ConcurrentSkipListMap<>(DUE_ORDER);
    // sweeps running, inits being sent, and accepted inits until their answers are committed and handed on
    private final AtomicInteger busy = new AtomicInteger();
    // sweeps running and inits being sent
    private final AtomicInteger sending = new AtomicInteger();
    private final Object changed = new Object();
    private final AtomicBoolean lateSweepArmed = new AtomicBoolean();

    public InitDispatcher(PublishingProperties properties, InitIntents intents, PostClaimer claimer, MeterRegistry meters,
                          Clock clock) {
        this.properties = properties;
        this.intents = intents;
        this.claimer = claimer;
        this.meters = meters;
        this.clock = clock;
        this.sweeps = new ScheduledThreadPoolExecutor(SWEEP_THREADS, daemonThreads("dispatch-sweep-"));
        this.sweeps.setRemoveOnCancelPolicy(true);
        this.sweeps.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.senders = new ThreadPoolExecutor(properties.dispatchThreads(), properties.dispatchThreads(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), daemonThreads("dispatch-"));
        this.senders.allowCoreThreadTimeOut(true);
    }

    static ThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /**
     * Sends {@code init} at its post's due instant; when that has passed, with the other late posts of the next
     * {@link #LATE_GATHERING}.
     */
    public void sendAt(PreparedInit init) {
        PostClaim claim = init.intent().claim();
        Waiting key = new Waiting(claim.dueAt(), claim.postId());
        waiting.put(key, init);
        if (key.dueAt().isAfter(clock.instant())) {
            armSweep(key);
        } else if (lateSweepArmed.compareAndSet(false, true)) {
            sweeps.schedule(this::lateSweep, LATE_GATHERING.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void lateSweep() {
        lateSweepArmed.set(false);
        sweep(null);
    }

    private void armSweep(Waiting key) {
        long delayNanos = Math.max(0, Duration.between(clock.instant(), key.dueAt()).toNanos());
        sweeps.schedule(() -> sweep(key), delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Takes the posts due now, a batch at a time, commits their intents and hands their inits to the senders. Armed
     * for {@code armedFor}'s due instant (null: for late posts); should the executor's time run ahead of the clock, it
     * is armed again.
     */
    private void sweep(Waiting armedFor) {
        busy.incrementAndGet();
        sending.incrementAndGet();
        try {
            List<PreparedInit> batch;
            while (!(batch = takeDue(properties.claimBatch())).isEmpty()) {
                dispatch(batch);
            }
            if (armedFor != null && waiting.containsKey(armedFor) && !sweeps.isShutdown()) {
                armSweep(armedFor);
            }
        } catch (RuntimeException e) {
            // their claims decide: back to the pool when they expire, or UNKNOWN for an intent that was committed
            log.error("committing the init intents of a batch failed; its posts are handled when their claims expire", e);
        } finally {
            sent();
            done();
        }
    }

    private List<PreparedInit> takeDue(int max) {
        Instant now = clock.instant();
        List<PreparedInit> batch = new ArrayList<>();
        Map.Entry<Waiting, PreparedInit> first;
        while (batch.size() < max && (first = waiting.firstEntry()) != null && !first.getKey().dueAt().isAfter(now)) {
            PreparedInit taken = waiting.remove(first.getKey());
            if (taken != null) {
                batch.add(taken);
            }
        }
        return batch;
    }

    private void dispatch(List<PreparedInit> batch) {
        Map<Long, Integer> opened = intents.commit(batch.stream().map(PreparedInit::intent).toList(),
                clock.instant().plus(properties.claimTtl()));
        for (PreparedInit init : batch) {
            Integer attemptNo = opened.get(init.postId());
            if (attemptNo == null) {
                log.info("post {}: this node's claim on it ran out before its time; left to its new claim", init.postId());
                meters.counter("calendar.publish.outcomes", "outcome", PublishOutcome.SKIPPED.name()).increment();
                continue;
            }
            busy.incrementAndGet();
            sending.incrementAndGet();
            senders.execute(() -> send(init, attemptNo));
        }
    }

    /** Sends the init on this thread; the post counts as busy until its outcome is committed and handed on. */
    private void send(PreparedInit init, int attemptNo) {
        CompletableFuture<PublishOutcome> outcome;
        try {
            outcome = init.sendUnderAttempt().apply(attemptNo);
        } catch (RuntimeException e) {
            unexpected(init, e);
            sent();
            done();
            return;
        }
        sent();
        outcome.whenComplete((result, failure) -> {
            if (failure != null) {
                unexpected(init, failure);
            } else {
                meters.counter("calendar.publish.outcomes", "outcome", result.name()).increment();
            }
            done();
        });
    }

    private static void unexpected(PreparedInit init, Throwable failure) {
        // the intent is committed: the post becomes UNKNOWN when it runs out, and reconciliation decides
        log.error("post {}: sending its init failed unexpectedly; reconciliation takes it over", init.postId(), failure);
    }

    // the waits below are for a count to reach zero, and re-check at least every 20 ms: waking every waiter on each
    // change cost 2.6 % of the CPU samples of a throughput run (bench/RESULTS.md)
    private void sent() {
        if (sending.decrementAndGet() == 0) {
            signalChange();
        }
    }

    private void done() {
        if (busy.decrementAndGet() == 0) {
            signalChange();
        }
    }

    private void signalChange() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /**
     * Waits until every post due by {@code instant} has been sent and its outcome committed, at most {@code patience};
     * true when none is left.
     */
    public boolean awaitSentDueBy(Instant instant, Duration patience) throws InterruptedException {
        return awaitUntil(() -> busy.get() == 0 && !dueBy(instant), patience);
    }

    @Override
    public void awaitQuiet(Duration patience) throws InterruptedException {
        awaitUntil(() -> sending.get() == 0 && !dueBy(clock.instant()), patience);
    }

    private boolean awaitUntil(BooleanSupplier settled, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (changed) {
            while (!settled.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // also woken by a change; the bound re-reads the clock for posts coming due meanwhile
                TimeUnit.NANOSECONDS.timedWait(changed, Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
            }
        }
        return true;
    }

    private boolean dueBy(Instant instant) {
        Map.Entry<Waiting, PreparedInit> first = waiting.firstEntry();
        return first != null && !first.getKey().dueAt().isAfter(instant);
    }

    /** Waits until every post due by now has been sent, at most {@code patience}; true when none is left. */
    public boolean awaitSentDueNow(Duration patience) throws InterruptedException {
        return awaitSentDueBy(clock.instant(), patience);
    }

    public int waiting() {
        return waiting.size();
    }

    @Override
    public void destroy() throws InterruptedException {
        sweeps.shutdown();
        sweeps.awaitTermination(30, TimeUnit.SECONDS);
        List<PostClaim> unsent = new ArrayList<>();
        Map.Entry<Waiting, PreparedInit> entry;
        while ((entry = waiting.pollFirstEntry()) != null) {
            unsent.add(entry.getValue().intent().claim());
        }
        int putBack = claimer.putBack(unsent, "the node preparing it stopped before its time; back in the queue");
        if (putBack > 0) {
            log.info("{} prepared post(s) put back in the queue for another node or the next start", putBack);
        }
        senders.shutdown();
        if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("inits still being sent at shutdown; their posts are reconciled when their intents run out");
            senders.shutdownNow();
        }
    }

    private record Waiting(Instant dueAt, long postId) {
    }
}
