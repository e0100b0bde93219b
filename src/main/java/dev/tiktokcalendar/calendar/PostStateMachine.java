package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.LockConflictRetry;
import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Moves posts between {@link PostState}s. Each transition is one committed update of the post row, guarded by
 * the states it may come from, plus a history row — in a transaction of its own, so it is durable before the
 * caller goes on (for example before an init request goes on the wire), whatever transaction the caller is in.
 */
@Component
public class PostStateMachine {

    /** From this many posts on, a group is moved by one joined update rather than an update per post. */
    private static final int MIN_JOINED_GROUP = 3;

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
        return Boolean.TRUE.equals(LockConflictRetry.run(() -> ownTransaction.execute(status -> applyInCurrentTransaction(transition))));
    }

    /**
     * As {@link #apply}, and runs {@code alsoCommitted} in the same transaction when the transition applies
     * (e.g. opening the init attempt together with the move to INIT_IN_FLIGHT).
     */
    public <T> Optional<T> apply(PostTransition transition, Supplier<T> alsoCommitted) {
        return LockConflictRetry.run(() -> ownTransaction.execute(status -> applyInCurrentTransaction(transition)
                ? Optional.ofNullable(alsoCommitted.get()) : Optional.<T>empty()));
    }

    /**
     * Moves every post of {@code fromById} (rows the caller's transaction has already locked, each in the state
     * given) to {@code target} in one update and one multi-row history insert, inside the caller's transaction.
     */
    void applyAllInCurrentTransaction(Map<Long, PostState> fromById, PostState target, String reason, Instant nextAttemptAt) {
        if (fromById.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Set<String> expected = new TreeSet<>();
        fromById.forEach((id, from) -> {
            if (!from.canMoveTo(target)) {
                throw new IllegalArgumentException("A post cannot move from " + from + " to " + target);
            }
            expected.add(from.name());
        });
        int moved = jdbc.sql("""
                        UPDATE post SET state = :target, state_reason = :reason, state_changed_at = :now,
                               next_attempt_at = :nextAttemptAt,
                               claim_owner = CASE WHEN :target = 'CLAIMED' THEN claim_owner ELSE NULL END,
                               version = version + 1, updated_at = :now
                        WHERE id IN (:ids) AND state IN (:expected)""")
                .param("target", target.name())
                .param("reason", PostHistory.truncate(reason, 1000))
                .param("now", SqlTime.utc(now))
                .param("nextAttemptAt", SqlTime.utc(nextAttemptAt))
                .param("ids", List.copyOf(fromById.keySet()))
                .param("expected", List.copyOf(expected))
                .update();
        if (moved != fromById.size()) {
            // the caller locked these rows in these states; anything else is a bug, and the transaction must not commit
            throw new IllegalStateException("expected to move " + fromById.size() + " posts to " + target + ", moved " + moved);
        }
        history.recordTransitions(fromById, target, reason, now);
    }

    /**
     * Applies each of {@code transitions} whose post is still in one of its expected states, all in one transaction of
     * their own. Returns, in the order given, whether each one moved its post.
     */
    public List<Boolean> applyTogether(List<PostTransition> transitions) {
        boolean onePerPost = transitions.stream().map(PostTransition::postId).distinct().count() == transitions.size();
        return LockConflictRetry.run(() -> ownTransaction.execute(status -> onePerPost && transitions.size() >= MIN_JOINED_GROUP
                ? applyJoinedInCurrentTransaction(transitions) : applyEachInCurrentTransaction(transitions)));
    }

    /** As {@link #apply}, inside the caller's transaction (for claims that move many posts at once). */
    boolean applyInCurrentTransaction(PostTransition transition) {
        return applyEachInCurrentTransaction(List.of(transition)).get(0);
    }

    /**
     * A guarded update per post, in id order, then one insert of every history row: each call's (the call happened
     * whether or not its post could still move), then the moves'. Returns, in the order given, whether each moved.
     */
    private List<Boolean> applyEachInCurrentTransaction(List<PostTransition> transitions) {
        Instant now = clock.instant();
        List<ApiCallEvent> calls = new ArrayList<>();
        List<PostHistory.TransitionRow> moves = new ArrayList<>();
        Boolean[] moved = new Boolean[transitions.size()];
        IntStream.range(0, transitions.size()).boxed()
                .sorted(Comparator.comparingLong(i -> transitions.get(i).postId()))
                .forEach(i -> {
                    PostTransition transition = transitions.get(i);
                    PostState from = move(transition, now);
                    if (transition.call() != null) {
                        calls.add(transition.call());
                    }
                    if (from != null) {
                        moves.add(new PostHistory.TransitionRow(transition.postId(), from, transition.target(),
                                transition.reason()));
                    }
                    moved[i] = from != null;
                });
        history.record(calls, moves, now);
        return List.of(moved);
    }

    /**
     * As {@link #applyEachInCurrentTransaction} for posts that appear once each, in three statements whatever their
     * number: the posts' rows are locked and read in id order, then every post in an expected state is moved by one
     * update joined with the transitions' values, then the history rows are inserted.
     */
    private List<Boolean> applyJoinedInCurrentTransaction(List<PostTransition> transitions) {
        Instant now = clock.instant();
        Map<Long, PostState> current = new HashMap<>();
        jdbc.sql("SELECT id, state FROM post WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", transitions.stream().map(PostTransition::postId).toList())
                .query((RowCallbackHandler) rs -> current.put(rs.getLong(1), PostState.valueOf(rs.getString(2))));
        List<ApiCallEvent> calls = new ArrayList<>();
        List<PostHistory.TransitionRow> moves = new ArrayList<>();
        List<PostTransition> moving = new ArrayList<>();
        List<Boolean> moved = new ArrayList<>(transitions.size());
        for (PostTransition transition : transitions) {
            PostState from = current.get(transition.postId());
            boolean applies = from != null && transition.expectedStates().contains(from);
            if (transition.call() != null) {
                calls.add(transition.call());
            }
            if (applies) {
                moves.add(new PostHistory.TransitionRow(transition.postId(), from, transition.target(), transition.reason()));
                moving.add(transition);
            }
            moved.add(applies);
        }
        if (!moving.isEmpty()) {
            int updated = moveJoined(moving, now);
            if (updated != moving.size()) {
                // the rows are locked in the states just read; anything else is a bug, and the transaction must not commit
                throw new IllegalStateException("expected to move " + moving.size() + " posts, moved " + updated);
            }
        }
        history.record(calls, moves, now);
        return moved;
    }

    /**
     * One update of every post of {@code moving}, each to its own transition's values. It writes the same columns as
     * {@link #move}'s update of one post (PostStateMachineTest compares them column by column); that one stays a plain
     * update by id, as the join costs a lone post more: 237 against 185 µs a statement on the benchmark machine
     * (20,000 of each in a server-side loop, 22:21 UTC, bench/RESULTS.md, review).
     */
    private int moveJoined(List<PostTransition> moving, Instant now) {
        StringJoiner rows = new StringJoiner(" UNION ALL ");
        List<Object> params = new ArrayList<>();
        for (PostTransition transition : moving) {
            rows.add(rows.length() == 0
                    ? "SELECT ? AS id, ? AS target, ? AS reason, ? AS next_attempt_at, ? AS keep_claim, ? AS has_failure, "
                      + "? AS fail_code, ? AS fail_message, ? AS fail_log_id, ? AS user_action, ? AS tiktok_post_id, "
                      + "? AS tiktok_url, ? AS completed_at"
                    : "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
            PostTransition.Failure failure = transition.failure();
            PostTransition.Publication publication = transition.publication();
            params.addAll(Arrays.asList(transition.postId(), transition.target().name(),
                    PostHistory.truncate(transition.reason(), 1000), SqlTime.utc(transition.nextAttemptAt()),
                    transition.target() == PostState.CLAIMED ? 1 : 0, failure != null ? 1 : 0,
                    failure == null ? null : PostHistory.truncate(failure.code(), 64),
                    failure == null ? null : PostHistory.truncate(failure.message(), 1000),
                    failure == null ? null : PostHistory.truncate(failure.logId(), 64),
                    failure == null ? null : PostHistory.truncate(failure.userAction(), 500),
                    publication == null ? null : publication.tiktokPostId(),
                    publication == null ? null : publication.tiktokUrl(),
                    publication == null ? null : SqlTime.utc(publication.completedAt())));
        }
        params.add(SqlTime.utc(now));
        params.add(SqlTime.utc(now));
        // every assignment reads only its own column of p, so the order in which MySQL makes them does not matter
        return jdbc.sql("UPDATE post p JOIN (" + rows + """
                        ) m ON p.id = m.id
                        SET p.state = m.target, p.state_reason = m.reason, p.state_changed_at = ?,
                            p.next_attempt_at = COALESCE(m.next_attempt_at, p.next_attempt_at),
                            p.claim_owner = CASE WHEN m.keep_claim = 1 THEN p.claim_owner ELSE NULL END,
                            p.fail_code = CASE WHEN m.has_failure = 1 THEN m.fail_code ELSE p.fail_code END,
                            p.fail_message = CASE WHEN m.has_failure = 1 THEN m.fail_message ELSE p.fail_message END,
                            p.fail_log_id = CASE WHEN m.has_failure = 1 THEN m.fail_log_id ELSE p.fail_log_id END,
                            p.user_action = CASE WHEN m.has_failure = 1 THEN m.user_action ELSE p.user_action END,
                            p.tiktok_post_id = COALESCE(m.tiktok_post_id, p.tiktok_post_id),
                            p.tiktok_url = COALESCE(m.tiktok_url, p.tiktok_url),
                            p.completed_at = COALESCE(p.completed_at, m.completed_at),
                            p.version = p.version + 1, p.updated_at = ?""")
                .params(params)
                .update();
    }

    /** The guarded update of {@code transition}; the state the post moved from, or null when it was in none expected. */
    private PostState move(PostTransition transition, Instant now) {
        List<String> expected = transition.expectedStates().stream().map(Enum::name).toList();
        PostState from;
        if (transition.expectedStates().size() == 1) {
            // the guarded update below tells whether the post was in that one state; no need to read it first
            from = transition.expectedStates().iterator().next();
        } else {
            from = jdbc.sql("SELECT state FROM post WHERE id = :id AND state IN (:expected) FOR UPDATE")
                    .param("id", transition.postId()).param("expected", expected)
                    .query((rs, row) -> PostState.valueOf(rs.getString(1))).optional().orElse(null);
            if (from == null) {
                return null;
            }
        }
        PostTransition.Failure failure = transition.failure();
        PostTransition.Publication publication = transition.publication();
        int updated = jdbc.sql("""
                        UPDATE post SET state = :target, state_reason = :reason, state_changed_at = :now,
                               next_attempt_at = COALESCE(:nextAttemptAt, next_attempt_at),
                               claim_owner = CASE WHEN :target = 'CLAIMED' THEN claim_owner ELSE NULL END,
                               fail_code = CASE WHEN :hasFailure THEN :failCode ELSE fail_code END,
                               fail_message = CASE WHEN :hasFailure THEN :failMessage ELSE fail_message END,
                               fail_log_id = CASE WHEN :hasFailure THEN :failLogId ELSE fail_log_id END,
                               user_action = CASE WHEN :hasFailure THEN :userAction ELSE user_action END,
                               tiktok_post_id = COALESCE(:tiktokPostId, tiktok_post_id),
                               tiktok_url = COALESCE(:tiktokUrl, tiktok_url),
                               completed_at = COALESCE(completed_at, :completedAt),
                               version = version + 1, updated_at = :now
                        WHERE id = :id AND state IN (:expected)""")
                .param("target", transition.target().name())
                .param("reason", PostHistory.truncate(transition.reason(), 1000))
                .param("now", SqlTime.utc(now))
                .param("nextAttemptAt", SqlTime.utc(transition.nextAttemptAt()))
                .param("hasFailure", failure != null)
                .param("failCode", failure == null ? null : PostHistory.truncate(failure.code(), 64))
                .param("failMessage", failure == null ? null : PostHistory.truncate(failure.message(), 1000))
                .param("failLogId", failure == null ? null : PostHistory.truncate(failure.logId(), 64))
                .param("userAction", failure == null ? null : PostHistory.truncate(failure.userAction(), 500))
                .param("tiktokPostId", publication == null ? null : publication.tiktokPostId())
                .param("tiktokUrl", publication == null ? null : publication.tiktokUrl())
                .param("completedAt", publication == null ? null : SqlTime.utc(publication.completedAt()))
                .param("id", transition.postId())
                .param("expected", expected)
                .update();
        return updated == 0 ? null : from;
    }
}
