package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.LockConflictRetry;
import dev.tiktokcalendar.database.SqlTime;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * Records inits TikTok accepted: the init call in the post's history, the {@code publish_id} on the attempt and on the
 * post, and the post's move from INIT_IN_FLIGHT to where it goes next (UPLOADING, PROCESSING). Answers are committed
 * by a thread of their own, those that arrived together in one transaction of a few statements (group commit), so a
 * thread that sent an init goes on to the next one at once: at a due instant the inits go out first and their answers
 * are recorded right behind them, once no init is being sent ({@link InitTraffic}, at most {@link #HOLD_FOR_INITS}),
 * in larger groups. What follows a commit (an upload) is chained to the future {@link #submit} returns.
 * A post no longer INIT_IN_FLIGHT (taken over after its claim ran out) keeps its {@code publish_id} but is not moved.
 * Should a group's transaction fail, each of its answers is recorded on its own. Until an answer is committed the post
 * is INIT_IN_FLIGHT: a node that dies then leaves it to reconciliation, as it would a lost answer.
 */
@Component
public class InitResults implements DisposableBean {

    private static final int MAX_GROUP = 100;
    /** Answers wait at most this long for the inits being sent: uploads start after the commit, and wait for them too. */
    private static final Duration HOLD_FOR_INITS = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final PostStateMachine stateMachine;
    private final PostAttempts attempts;
    private final PostHistory history;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final GroupCommit<Accepted, Boolean> commits;
    private volatile InitTraffic traffic = InitTraffic.NONE;

    public InitResults(JdbcClient jdbc, PostStateMachine stateMachine, PostAttempts attempts, PostHistory history,
                       Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.stateMachine = stateMachine;
        this.attempts = attempts;
        this.history = history;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.commits = new GroupCommit<>("accepted inits", "init-results-", MAX_GROUP, this::commitTogether,
                this::recordAlone, this::letInitsGoFirst);
    }

    /**
     * An accepted init: where its post goes next, why, and when the pipeline looks at it again; {@code call} is the
     * init's history row (none when the caller recorded it).
     */
    public record Accepted(long postId, int attemptNo, Instant sentAt, String publishId, PostState target, String reason,
                           Instant nextAttemptAt, ApiCallEvent call) {

        public Accepted {
            if (!PostState.INIT_IN_FLIGHT.canMoveTo(target)) {
                throw new IllegalArgumentException("A post cannot move from INIT_IN_FLIGHT to " + target);
            }
        }
    }

    /**
     * Queues {@code accepted} for the next group commit; the future completes once it is committed, with true when the
     * post moved and false when it had been taken over (or exceptionally when it could not be recorded).
     */
    public CompletableFuture<Boolean> submit(Accepted accepted) {
        return commits.submit(accepted);
    }

    /** Records {@code accepted} and waits for its commit; true when the post moved, false when it had been taken over. */
    public boolean record(Accepted accepted) {
        return submit(accepted).join();
    }

    /** The inits whose sending goes before recording answers. */
    public void yieldTo(InitTraffic inits) {
        this.traffic = inits;
    }

    private void letInitsGoFirst() {
        try {
            traffic.awaitQuiet(HOLD_FOR_INITS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits every answer still waiting, then records later ones on their callers' threads. */
    @Override
    public void destroy() throws InterruptedException {
        commits.close();
    }

    private List<Boolean> commitTogether(List<Accepted> group) {
        Set<Long> moved = LockConflictRetry.run(() -> ownTransaction.execute(status -> commit(group)));
        return group.stream().map(accepted -> moved.contains(accepted.postId())).toList();
    }

    private Set<Long> commit(List<Accepted> all) {
        List<Long> ids = all.stream().map(Accepted::postId).toList();
        Instant now = clock.instant();
        // the posts first, then their attempts: the order in which the intents' transaction takes them
        Set<Long> inFlight = new HashSet<>(jdbc.sql("SELECT id FROM post WHERE id IN (:ids) AND state = 'INIT_IN_FLIGHT' FOR UPDATE")
                .param("ids", ids).query(Long.class).list());
        List<ApiCallEvent> calls = all.stream().map(Accepted::call).filter(Objects::nonNull).toList();
        updateAttempts(all);
        List<Accepted> moving = all.stream().filter(accepted -> inFlight.contains(accepted.postId())).toList();
        if (!moving.isEmpty()) {
            int updated = updatePosts(moving, true, now);
            if (updated != moving.size()) {
                throw new IllegalStateException("expected to move " + moving.size() + " posts on from INIT_IN_FLIGHT, moved " + updated);
            }
        }
        // every call's row, then the transitions', in one insert
        history.record(calls, moving.stream().map(accepted -> new PostHistory.TransitionRow(accepted.postId(),
                PostState.INIT_IN_FLIGHT, accepted.target(), accepted.reason())).toList(), now);
        List<Accepted> takenOver = all.stream().filter(accepted -> !inFlight.contains(accepted.postId())).toList();
        if (!takenOver.isEmpty()) {
            updatePosts(takenOver, false, now);
        }
        return inFlight;
    }

    private void updateAttempts(List<Accepted> all) {
        CaseById sentAt = new CaseById("post_id");
        CaseById publishId = new CaseById("post_id");
        StringJoiner keys = new StringJoiner(", ");
        List<Object> keyValues = new ArrayList<>();
        for (Accepted accepted : all) {
            sentAt.when(accepted.postId(), SqlTime.utc(accepted.sentAt()));
            publishId.when(accepted.postId(), accepted.publishId());
            keys.add("(?, ?)");
            keyValues.addAll(List.of(accepted.postId(), accepted.attemptNo()));
        }
        List<Object> values = new ArrayList<>(sentAt.params);
        values.addAll(publishId.params);
        values.addAll(keyValues);
        jdbc.sql("UPDATE post_attempt SET init_sent_at = " + sentAt.sql + ", publish_id = " + publishId.sql
                        + " WHERE (post_id, attempt_no) IN (" + keys + ")")
                .params(values).update();
    }

    /** The publish id on the posts and, when {@code move}, their move on from INIT_IN_FLIGHT; returns the rows updated. */
    private int updatePosts(List<Accepted> posts, boolean move, Instant now) {
        CaseById publishId = new CaseById("id");
        CaseById sentAt = new CaseById("id");
        CaseById target = new CaseById("id");
        CaseById reason = new CaseById("id");
        CaseById next = new CaseById("id");
        StringJoiner ids = new StringJoiner(", ");
        List<Object> idValues = new ArrayList<>();
        for (Accepted accepted : posts) {
            publishId.when(accepted.postId(), accepted.publishId());
            sentAt.when(accepted.postId(), SqlTime.utc(accepted.sentAt()));
            target.when(accepted.postId(), accepted.target().name());
            reason.when(accepted.postId(), PostHistory.truncate(accepted.reason(), 1000));
            next.when(accepted.postId(), SqlTime.utc(accepted.nextAttemptAt()));
            ids.add("?");
            idValues.add(accepted.postId());
        }
        List<Object> values = new ArrayList<>(publishId.params);
        values.addAll(sentAt.params);
        String sql = "UPDATE post SET publish_id = " + publishId.sql + ", init_sent_at = COALESCE(init_sent_at, " + sentAt.sql + ")";
        if (move) {
            sql += ", state = " + target.sql + ", state_reason = " + reason.sql + ", state_changed_at = ?, next_attempt_at = "
                    + next.sql + ", claim_owner = NULL, version = version + 1, updated_at = ?";
            values.addAll(target.params);
            values.addAll(reason.params);
            values.add(SqlTime.utc(now));
            values.addAll(next.params);
            values.add(SqlTime.utc(now));
        }
        values.addAll(idValues);
        sql += " WHERE id IN (" + ids + ")" + (move ? " AND state = 'INIT_IN_FLIGHT'" : "");
        return jdbc.sql(sql).params(values).update();
    }

    private boolean recordAlone(Accepted accepted) {
        if (accepted.call() != null) {
            history.recordApiCall(accepted.call());
        }
        attempts.recordSent(accepted.postId(), accepted.attemptNo(), accepted.sentAt(), accepted.publishId());
        return stateMachine.apply(PostTransition.of(accepted.postId(), PostState.INIT_IN_FLIGHT, accepted.target(),
                accepted.reason(), accepted.nextAttemptAt()));
    }

    /** {@code CASE <key> WHEN ? THEN ? ... END}, a WHEN per post, and its parameters in order. */
    private static final class CaseById {
        private final StringJoiner sql;
        private final List<Object> params = new ArrayList<>();

        private CaseById(String key) {
            this.sql = new StringJoiner(" ", "CASE " + key + " ", " END");
        }

        private void when(long id, Object value) {
            sql.add("WHEN ? THEN ?");
            params.add(id);
            params.add(value);
        }
    }

}
