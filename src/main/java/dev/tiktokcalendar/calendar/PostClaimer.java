package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.LockConflictRetry;
import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims due posts for this node in a short transaction of its own ({@code FOR UPDATE SKIP LOCKED}, so
 * concurrent nodes get disjoint posts without waiting), and returns claims nobody finished to the pool.
 * A claim lasts {@code claimTtl}: its expiry is the post's {@code next_attempt_at}.
 */
@Component
public class PostClaimer {

    private final JdbcClient jdbc;
    private final PostStateMachine stateMachine;
    private final NodeName nodeName;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public PostClaimer(JdbcClient jdbc, PostStateMachine stateMachine, NodeName nodeName, Clock clock,
                       PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.stateMachine = stateMachine;
        this.nodeName = nodeName;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Claims up to {@code limit} scheduled posts due by {@code ahead} from now and deferred posts due now, soonest first.
     * A deferred post waits for a budget (rate limit, daily cap, pending drafts) or a retry: preparing it ahead would
     * spend creator_info calls on a post that may well be deferred again. A claim's due time is never before the post's
     * publish time (a post deferred, say, by a transient failure while it was prepared ahead still goes out at its
     * time, not at the end of the deferral). The batch
     * moves to CLAIMED in one update and one history insert, so a claim costs the same few statements whatever its
     * size. Each claim lasts {@code claimTtl} beyond the latest due time it may hold.
     */
    public List<PostClaim> claimDue(int limit, Duration claimTtl, Duration ahead) {
        return LockConflictRetry.run(() -> ownTransaction.execute(status -> {
            Instant now = clock.instant();
            Map<Long, PostState> due = new LinkedHashMap<>();
            Map<Long, Instant> dueAt = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT id, state, GREATEST(next_attempt_at, publish_at) AS due_at FROM post
                            WHERE (state = 'SCHEDULED' AND next_attempt_at <= ?) OR (state = 'DEFERRED' AND next_attempt_at <= ?)
                            ORDER BY next_attempt_at, id LIMIT ?
                            FOR UPDATE SKIP LOCKED""")
                    .params(SqlTime.utc(now.plus(ahead)), SqlTime.utc(now), limit)
                    .query(rs -> {
                        long id = rs.getLong("id");
                        due.put(id, PostState.valueOf(rs.getString("state")));
                        dueAt.put(id, rs.getObject("due_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
                    });
            if (due.isEmpty()) {
                return List.<PostClaim>of();
            }
            Instant expiry = now.plus(ahead).plus(claimTtl).truncatedTo(ChronoUnit.MILLIS);
            stateMachine.applyAllInCurrentTransaction(due, PostState.CLAIMED, "claimed by " + nodeName.value(), expiry);
            jdbc.sql("UPDATE post SET claim_owner = :owner, claim_expires_at = :expiry WHERE id IN (:ids)")
                    .param("owner", nodeName.value()).param("expiry", SqlTime.utc(expiry))
                    .param("ids", List.copyOf(due.keySet()))
                    .update();
            return dueAt.entrySet().stream().map(entry -> new PostClaim(entry.getKey(), entry.getValue(), expiry, due.get(entry.getKey()))).toList();
        }));
    }

    /**
     * Locks, in the caller's transaction, the posts of {@code claims} whose claim is still this node's (CLAIMED, this
     * owner, the same expiry: a claim that expired and was taken again, by any node, is another claim); returns each
     * one's attempt count so far.
     */
    Map<Long, Integer> lockHeld(List<PostClaim> claims) {
        Map<Long, Instant> expiryById = new HashMap<>();
        claims.forEach(claim -> expiryById.put(claim.postId(), claim.expiresAt()));
        Map<Long, Integer> held = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT id, attempt, claim_expires_at FROM post
                        WHERE id IN (:ids) AND state = 'CLAIMED' AND claim_owner = :owner
                        ORDER BY id FOR UPDATE""")
                .param("ids", List.copyOf(expiryById.keySet())).param("owner", nodeName.value())
                .query(rs -> {
                    long id = rs.getLong("id");
                    LocalDateTime expiry = rs.getObject("claim_expires_at", LocalDateTime.class);
                    if (expiry != null && expiry.toInstant(ZoneOffset.UTC).equals(expiryById.get(id))) {
                        held.put(id, rs.getInt("attempt"));
                    }
                });
        return held;
    }

    /**
     * Puts the posts of {@code claims} that are still this node's back in the queue at their due time, in one
     * transaction (a node stopping before their time); returns how many went back.
     */
    public int putBack(List<PostClaim> claims, String reason) {
        if (claims.isEmpty()) {
            return 0;
        }
        return LockConflictRetry.run(() -> ownTransaction.execute(status -> {
            Map<Long, Integer> held = lockHeld(claims);
            Map<Instant, Map<Long, PostState>> byDueTime = new HashMap<>();
            claims.stream().filter(claim -> held.containsKey(claim.postId())).forEach(claim ->
                    byDueTime.computeIfAbsent(claim.dueAt(), due -> new LinkedHashMap<>()).put(claim.postId(), PostState.CLAIMED));
            byDueTime.forEach((due, posts) -> stateMachine.applyAllInCurrentTransaction(posts, PostState.SCHEDULED, reason, due));
            return held.size();
        }));
    }

    /**
     * Returns expired claims to the pool. A claim that never reached the init is simply rescheduled; a post whose
     * init intent was committed may have reached TikTok, so it becomes UNKNOWN for reconciliation, never re-sent.
     *
     * @return how many posts were released
     */
    public int releaseExpiredClaims(Duration unknownFirstCheckDelay) {
        Instant now = clock.instant();
        int released = 0;
        for (Long id : expired(PostState.CLAIMED, now)) {
            released += stateMachine.apply(PostTransition.of(id, PostState.CLAIMED, PostState.SCHEDULED,
                    "claim expired before any API call; back in the queue", now)) ? 1 : 0;
        }
        for (Long id : expired(PostState.INIT_IN_FLIGHT, now)) {
            released += stateMachine.apply(PostTransition.of(id, PostState.INIT_IN_FLIGHT, PostState.UNKNOWN,
                    "the node publishing it stopped during the init; the post may exist on TikTok, reconciling",
                    now.plus(unknownFirstCheckDelay))) ? 1 : 0;
        }
        return released;
    }

    private List<Long> expired(PostState state, Instant now) {
        return jdbc.sql("SELECT id FROM post WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 1000")
                .params(state.name(), SqlTime.utc(now))
                .query(Long.class).list();
    }
}
