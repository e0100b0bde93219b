package dev.tiktokcalendar.calendar;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

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

    /** Commits every transition still waiting; later ones are applied on their callers' threads. */
    @Override
    public void destroy() throws InterruptedException {
        commits.close();
    }
}
