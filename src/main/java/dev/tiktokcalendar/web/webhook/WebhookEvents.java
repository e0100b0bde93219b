package dev.tiktokcalendar.web.webhook;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/** The {@code webhook_event} table: each verified delivery stored once, and whether it was applied. */
@Repository
public class WebhookEvents {

    private final JdbcClient jdbc;

    public WebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One event of TikTok's envelope; {@code content} is the JSON string as delivered. */
    public record Event(long id, String event, String userOpenId, Long createTime, String content) {
    }

    /** Stores the event unless the same one was stored before; true when it is new. */
    public boolean store(String event, String userOpenId, Long createTime, String content, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO webhook_event (event_key, event, user_open_id, create_time, content, received_at)
                            VALUES (:key, :event, :user, :created, :content, :now)""")
                    .param("key", key(event, userOpenId, createTime, content)).param("event", event)
                    .param("user", userOpenId).param("created", createTime).param("content", content)
                    .param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException repeatedDelivery) {
            return false;
        }
    }

    public List<Event> unapplied(int limit) {
        return jdbc.sql("SELECT id, event, user_open_id, create_time, content FROM webhook_event WHERE applied_at IS NULL ORDER BY id LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5)))
                .list();
    }

    public void markApplied(long id, String outcome, Instant now) {
        jdbc.sql("UPDATE webhook_event SET applied_at = :now, outcome = :outcome WHERE id = :id")
                .param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("outcome", outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome).param("id", id).update();
    }

    static String key(String event, String userOpenId, Long createTime, String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((event + "\n" + userOpenId + "\n" + createTime
                    + "\n" + content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
