package dev.tiktokcalendar.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Inserts workspaces, accounts and posts straight into the calendar tables for tests. */
public final class CalendarFixtures {

    private final JdbcClient jdbc;

    public CalendarFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long workspace(String slug) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")
                .params(slug, slug).update(key);
        return key.getKey().longValue();
    }

    /** Moves the pending posts of other workspaces (other tests on the shared schema) far out of the way of claims. */
    public void onlyThisWorkspaceDue(long workspaceId) {
        jdbc.sql("UPDATE post SET next_attempt_at = '2999-01-01' WHERE workspace_id <> ?").param(workspaceId).update();
    }

    public long account(long workspaceId, String username) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, created_at, updated_at)
                        VALUES (?, ?, ?, 'Europe/Berlin', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(workspaceId, "open-" + UUID.randomUUID(), username).update(key);
        return key.getKey().longValue();
    }

    public long post(long workspaceId, long accountId, String state, Instant due) {
        KeyHolder key = new GeneratedKeyHolder();
        LocalDateTime dueUtc = LocalDateTime.ofInstant(due, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO post (workspace_id, account_id, external_key, post_type, state, state_changed_at,
                                          publish_at, publish_zone, next_attempt_at, caption, privacy_level,
                                          created_at, updated_at)
                        VALUES (?, ?, ?, 'VIDEO', ?, UTC_TIMESTAMP(3), ?, 'Europe/Berlin', ?, 'a caption',
                                'SELF_ONLY', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(workspaceId, accountId, UUID.randomUUID().toString(), state, dueUtc, dueUtc).update(key);
        return key.getKey().longValue();
    }

    public String stateOf(long postId) {
        return jdbc.sql("SELECT state FROM post WHERE id = ?").param(postId).query(String.class).single();
    }
}
