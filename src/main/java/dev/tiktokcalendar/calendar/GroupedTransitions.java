package dev.tiktokcalendar.calendar;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * Applies the transitions that many threads make at once (uploads ending, status answers) in shared transactions
 * ({@link GroupCommit}, with {@link PostStateMachine#applyTogether}). Each caller waits for its own commit, so a
 * transition is durable before its caller goes on, exactly as with {@link PostStateMachine#apply}; a lone transition
 * is committed at once. The statements of a transaction's own (autocommit off and on, the commit) had been a third
 * of those a post cost (bench/RESULTS.md, throughput).
 */
@Component
public class GroupedTransitions implements DisposableBean {

    private static final int MAX_GROUP = 100;

    private final GroupCommit<PostTransition, Boolean> commits;

    public GroupedTransitions(PostStateMachine states) {
        this.commits = new GroupCommit<>("transitions", "transitions-", MAX_GROUP, states::applyTogether, states::apply,
                () -> { });
    }

    /**
     * Applies {@code transition} in the next group and waits for its commit.
     *
     * @return false when the post was not in an expected state (another node moved it first); only its call was recorded
     */
    public boolean apply(PostTransition transition) {
        return commits.submit(transition).join();
    }

    /**
     * Applies {@code transition} in the next group without waiting: the future completes once it is committed (false
     * when the post was not in an expected state). For a caller whose post is safe until then, such as an upload
     * that ended while its lease still holds.
     */
    public CompletableFuture<Boolean> applyLater(PostTransition transition) {
        return commits.submit(transition);
    }

    /** Commits every transition still waiting; later ones are applied on their callers' threads. */
    @Override
    public void destroy() throws InterruptedException {
        commits.close();
    }
}
