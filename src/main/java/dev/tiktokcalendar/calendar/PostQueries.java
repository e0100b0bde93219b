package dev.tiktokcalendar.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Read-only views of posts for operators. */
@Repository
public class PostQueries {

    private final JdbcClient jdbc;

    public PostQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PostSummary> summary(long postId) {
        return jdbc.sql("""
                        SELECT p.id, w.slug, COALESCE(a.username, a.open_id) AS account, p.post_type, p.post_mode,
                               p.state, p.state_reason, p.publish_at, p.publish_zone, p.next_attempt_at, p.attempt,
                               p.publish_id, p.tiktok_url, p.fail_code, p.fail_message, p.fail_log_id, p.user_action
                        FROM post p JOIN workspace w ON w.id = p.workspace_id JOIN tiktok_account a ON a.id = p.account_id
                        WHERE p.id = ?""")
                .param(postId)
                .query(PostQueries::summary)
                .optional();
    }

    private static PostSummary summary(ResultSet rs, int row) throws SQLException {
        return new PostSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("account"),
                rs.getString("post_type"), rs.getString("post_mode"), PostState.valueOf(rs.getString("state")),
                rs.getString("state_reason"), instant(rs, "publish_at"), rs.getString("publish_zone"),
                instant(rs, "next_attempt_at"), rs.getInt("attempt"), rs.getString("publish_id"),
                rs.getString("tiktok_url"), rs.getString("fail_code"), rs.getString("fail_message"),
                rs.getString("fail_log_id"), rs.getString("user_action"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
