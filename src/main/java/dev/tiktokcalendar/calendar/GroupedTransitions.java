package dev.tiktokcalendar.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

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

/**
 * Applies the transitions that many threads make at once (uploads ending, status answers) in shared transactions
 * (group commit): a thread of its own takes whatever has been queued, up to {@link #MAX_GROUP}, and commits it with
 * {@link PostStateMachine#applyTogether}, while the next ones queue up. Each caller waits for its own commit, so a
 * transition is durable before its caller goes on, exactly as with {@link PostStateMachine#apply}; a lone transition
 * is committed at once. The statements of a transaction's own (autocommit off and on, the commit) were a third of
 * those a post cost (bench/RESULTS.md, throughput). Should a group's transaction fail, each of its transitions is
 * applied on its own.
 */
@Component
public class GroupedTransitions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupedTransitions.class);
    private static final int MAX_GROUP = 100;

    private final PostStateMachine states;
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ExecutorService committer = Executors.newSingleThreadExecutor(committerThread());
    private volatile boolean closed;

    public GroupedTransitions(PostStateMachine states) {
        this.states = states;
    }

    private static CustomizableThreadFactory committerThread() {
        CustomizableThreadFactory thread = new CustomizableThreadFactory("transitions-");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Applies {@code transition} in the next group and waits for its commit.
     *
     * @return false when the post was not in an expected state (another node moved it first); only its call was recorded
     */
    public boolean apply(PostTransition transition) {
        Waiting mine = new Waiting(transition);
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
        return mine.committed.join();
    }

    private void drainScheduled() {
        drainScheduled.set(false);
        drain();
        // a transition queued after the last poll but before the flag was cleared must not wait for the next one
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
        List<Waiting> group = new ArrayList<>();
        Waiting next;
        while (group.size() < MAX_GROUP && (next = waiting.poll()) != null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            List<Boolean> moved = states.applyTogether(group.stream().map(Waiting::transition).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).committed.complete(moved.get(i));
            }
        } catch (RuntimeException groupFailure) {
            log.warn("applying {} transitions together failed; applying each on its own", group.size(), groupFailure);
            for (Waiting member : group) {
                try {
                    member.committed.complete(states.apply(member.transition));
                } catch (RuntimeException e) {
                    member.committed.completeExceptionally(e);
                }
            }
        }
    }

    /** Commits every transition still waiting; later ones are applied on their callers' threads. */
    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        committer.shutdown();
        committer.awaitTermination(30, TimeUnit.SECONDS);
        drain();
    }

    private record Waiting(PostTransition transition, CompletableFuture<Boolean> committed) {
        Waiting(PostTransition transition) {
            this(transition, new CompletableFuture<>());
        }
    }
}
