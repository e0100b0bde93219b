package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.database.LockConflictRetry;
import dev.tiktokcalendar.calendar.PostAttempts;
import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Leases posts due for reconciliation ({@code FOR UPDATE SKIP LOCKED}, then {@code next_attempt_at} pushed by the
 * lease, in a short transaction of its own) so two nodes never check the same post at once, and records the
 * time of a post's next check.
 */
@Repository
public class InFlightPosts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public InFlightPosts(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public List<InFlightPost> leaseDue(int limit, Duration lease) {
        return LockConflictRetry.run(() -> ownTransaction.execute(status -> {
            Instant now = clock.instant();
            List<Long> ids = jdbc.sql("""
                            SELECT id FROM post WHERE state IN (:states) AND next_attempt_at <= :now
                            ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .param("states", PostState.DUE_FOR_RECONCILIATION.stream().map(Enum::name).toList())
                    .param("now", SqlTime.utc(now)).param("limit", limit)
                    .query(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            jdbc.sql("UPDATE post SET next_attempt_at = :until WHERE id IN (:ids)")
                    .param("until", SqlTime.utc(now.plus(lease))).param("ids", ids).update();
            return jdbc.sql("""
                            SELECT p.id, p.account_id, COALESCE(a.username, a.open_id) AS username, p.state, p.post_mode,
                                   p.privacy_level, p.caption, p.publish_id, p.attempt, p.status_checks, p.init_sent_at,
                                   p.completed_at, latest.init_intent_at AS intent_at, latest.media_source,
                                   (SELECT COUNT(*) FROM post_attempt t WHERE t.post_id = p.id AND t.outcome <> 'REJECTED') AS consumed
                            FROM post p JOIN tiktok_account a ON a.id = p.account_id
                            LEFT JOIN post_attempt latest ON latest.post_id = p.id AND latest.attempt_no = p.attempt
                            WHERE p.id IN (:ids) ORDER BY p.id""")
                    .param("ids", ids)
                    .query(InFlightPosts::inFlight).list();
        }));
    }

    /** Sets when the post is looked at next and counts a status check; the state does not change. */
    public void checkAgainAt(long postId, PostState state, Instant next, boolean statusChecked, String reason) {
        jdbc.sql("""
                        UPDATE post SET next_attempt_at = ?, status_checks = status_checks + ?,
                               state_reason = COALESCE(?, state_reason), updated_at = ?
                        WHERE id = ? AND state = ?""")
                .params(SqlTime.utc(next), statusChecked ? 1 : 0, reason, SqlTime.utc(clock.instant()), postId, state.name())
                .update();
    }

    private static InFlightPost inFlight(ResultSet rs, int row) throws SQLException {
        return new InFlightPost(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"),
                PostState.valueOf(rs.getString("state")), rs.getString("post_mode"), rs.getString("privacy_level"),
                rs.getString("caption"), rs.getString("publish_id"), rs.getInt("attempt"), rs.getInt("consumed"),
                rs.getInt("status_checks"), instant(rs, "init_sent_at"), instant(rs, "intent_at"), instant(rs, "completed_at"),
                rs.getString("media_source") == null ? null : PostAttempts.MediaSource.valueOf(rs.getString("media_source")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

}
