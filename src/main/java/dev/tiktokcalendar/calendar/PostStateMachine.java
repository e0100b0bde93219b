package dev.tiktokcalendar.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moves posts between {@link PostState}s. Each transition is one committed update of the post row, guarded by
 * the states it may come from, plus a history row — in a transaction of its own, so it is durable before the
 * caller goes on (for example before an init request goes on the wire), whatever transaction the caller is in.
 */
@Component
public class PostStateMachine {

    private final JdbcClient jdbc;
    private final PostHistory history;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public PostStateMachine(JdbcClient jdbc, PostHistory history, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Applies {@code transition} if the post is still in one of its expected states.
     *
     * @return false when the post was not in an expected state (another node moved it first); nothing changed
     */
    public boolean apply(PostTransition transition) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> applyInCurrentTransaction(transition)));
    }

    /** As {@link #apply}, inside the caller's transaction (for claims that move many posts at once). */
    boolean applyInCurrentTransaction(PostTransition transition) {
        Instant now = clock.instant();
        List<String> expected = transition.expectedStates().stream().map(Enum::name).toList();
        PostState from = jdbc.sql("SELECT state FROM post WHERE id = :id AND state IN (:expected) FOR UPDATE")
                .param("id", transition.postId()).param("expected", expected)
                .query((rs, row) -> PostState.valueOf(rs.getString(1))).optional().orElse(null);
        if (from == null) {
            return false;
        }
        jdbc.sql("""
                        UPDATE post SET state = :target, state_reason = :reason, state_changed_at = :now,
                               next_attempt_at = COALESCE(:nextAttemptAt, next_attempt_at),
                               claim_owner = CASE WHEN :target = 'CLAIMED' THEN claim_owner ELSE NULL END,
                               version = version + 1, updated_at = :now
                        WHERE id = :id""")
                .param("target", transition.target().name())
                .param("reason", transition.reason())
                .param("now", PostHistory.utc(now))
                .param("nextAttemptAt", PostHistory.utc(transition.nextAttemptAt()))
                .param("id", transition.postId())
                .update();
        history.recordTransition(transition.postId(), from, transition.target(), transition.reason(), now);
        return true;
    }
}
