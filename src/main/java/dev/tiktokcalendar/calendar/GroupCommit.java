package dev.tiktokcalendar.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: what many threads submit at about the same time is committed together by a thread of its own, in
 * one transaction of a few statements ({@code together}), while the next items queue up; a lone item is committed at
 * once. Each submitter gets a future that completes once its item is committed. Should a group's commit fail, each
 * of its items is committed on its own ({@code alone}). After {@link #close} the items still queued are committed,
 * and later ones on their submitters' threads.
 *
 * @param <T> what is committed
 * @param <R> each item's answer
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final String what;
    private final int maxGroup;
    private final Function<List<T>, List<R>> together;
    private final Function<T, R> alone;
    private final Runnable beforeEachDrain;
    private final ConcurrentLinkedQueue<Waiting<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ExecutorService committer;
    private volatile boolean closed;

    /**
     * @param together        commits a group in one transaction; returns each item's answer, in the order given
     * @param alone           commits one item by itself, when its group could not be committed
     * @param beforeEachDrain runs on the committer thread before it takes a queued group (it may wait for other work to
     *                        go first)
     */
    GroupCommit(String what, String threadPrefix, int maxGroup, Function<List<T>, List<R>> together, Function<T, R> alone,
                Runnable beforeEachDrain) {
        this.what = what;
        this.maxGroup = maxGroup;
        this.together = together;
        this.alone = alone;
        this.beforeEachDrain = beforeEachDrain;
        CustomizableThreadFactory thread = new CustomizableThreadFactory(threadPrefix);
        thread.setDaemon(true);
        this.committer = Executors.newSingleThreadExecutor(thread);
    }

    CompletableFuture<R> submit(T item) {
        Waiting<T, R> mine = new Waiting<>(item, new CompletableFuture<>());
        waiting.add(mine);
        if (closed) {
            drain();
        } else if (drainScheduled.compareAndSet(false, true)) {
            try {
                committer.execute(this::drainScheduled);
            } catch (RejectedExecutionException shuttingDown) {
                drainScheduled.set(false);
                drain();
            }
        }
        return mine.committed();
    }

    private void drainScheduled() {
        beforeEachDrain.run();
        drainScheduled.set(false);
        drain();
        // an item queued after the last poll but before the flag was cleared must not wait for the next one
        if (!waiting.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            committer.execute(this::drainScheduled);
        }
    }

    private void drain() {
        committing.lock();
        try {
            while (!waiting.isEmpty()) {
                commitWaiting();
            }
        } finally {
            committing.unlock();
        }
    }

    private void commitWaiting() {
        List<Waiting<T, R>> group = new ArrayList<>();
        Waiting<T, R> next;
        while (group.size() < maxGroup && (next = waiting.poll()) != null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            List<R> answers = together.apply(group.stream().map(Waiting::item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).committed().complete(answers.get(i));
            }
        } catch (RuntimeException groupFailure) {
            log.warn("committing {} {} together failed; committing each on its own", group.size(), what, groupFailure);
            for (Waiting<T, R> member : group) {
                try {
                    member.committed().complete(alone.apply(member.item()));
                } catch (RuntimeException e) {
                    member.committed().completeExceptionally(e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        committer.shutdown();
        committer.awaitTermination(30, TimeUnit.SECONDS);
        drain();
    }

    private record Waiting<T, R>(T item, CompletableFuture<R> committed) {
    }
}
