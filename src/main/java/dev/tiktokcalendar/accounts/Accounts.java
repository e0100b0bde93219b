package dev.tiktokcalendar.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code tiktok_account} and {@code workspace} rows the accounts feature reads and writes (never tokens). */
@Repository
public class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.workspace_id, w.slug, a.open_id, a.username, a.display_name, a.zone_id, a.status,
                   a.status_reason, a.granted_scopes, a.access_token_expires_at, a.token_key_id,
                   a.privacy_level_options, a.max_video_post_duration_sec
            FROM tiktok_account a JOIN workspace w ON w.id = a.workspace_id
            """;

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Account> all() {
        return jdbc.sql(SELECT + " ORDER BY w.slug, a.username, a.id").query(Accounts::account).list();
    }

    public List<Account> inWorkspace(long workspaceId) {
        return jdbc.sql(SELECT + " WHERE a.workspace_id = :ws ORDER BY a.username, a.id")
                .param("ws", workspaceId).query(Accounts::account).list();
    }

    public Optional<Account> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(Accounts::account).optional();
    }

    public Optional<Account> byOpenId(String openId) {
        return jdbc.sql(SELECT + " WHERE a.open_id = :openId").param("openId", openId).query(Accounts::account).optional();
    }

    /** An account by id, or by {@code @username} / {@code username}, or by open_id. */
    public Optional<Account> find(String reference) {
        if (reference.matches("\\d+")) {
            return byId(Long.parseLong(reference));
        }
        String name = reference.startsWith("@") ? reference.substring(1) : reference;
        List<Account> byName = jdbc.sql(SELECT + " WHERE a.username = :name").param("name", name).query(Accounts::account).list();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : byOpenId(reference);
    }

    /** A new account row without tokens yet (tokens are written by the token store, under the row's id). */
    public long insert(long workspaceId, String openId, String username, String zoneId, Instant now) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, status, status_changed_at,
                                                    created_at, updated_at)
                        VALUES (:ws, :openId, :username, :zone, 'ACTIVE', :now, :now, :now)""")
                .param("ws", workspaceId).param("openId", openId).param("username", username).param("zone", zoneId)
                .param("now", utc(now)).update(key);
        return key.getKey().longValue();
    }

    public void updateProfile(long id, String username, String displayName, String avatarUrl, String zoneId, Instant now) {
        jdbc.sql("""
                        UPDATE tiktok_account SET username = COALESCE(:username, username),
                               display_name = COALESCE(:displayName, display_name), avatar_url = COALESCE(:avatar, avatar_url),
                               zone_id = COALESCE(:zone, zone_id), updated_at = :now
                        WHERE id = :id""")
                .param("username", username).param("displayName", displayName).param("avatar", avatarUrl)
                .param("zone", zoneId).param("now", utc(now)).param("id", id).update();
    }

    public void updateCreatorInfo(long id, String privacyOptions, boolean commentDisabled, boolean duetDisabled,
                                  boolean stitchDisabled, int maxDurationSec, Instant now) {
        jdbc.sql("""
                        UPDATE tiktok_account SET privacy_level_options = :privacy, comment_disabled = :comment,
                               duet_disabled = :duet, stitch_disabled = :stitch, max_video_post_duration_sec = :max,
                               creator_info_fetched_at = :now, updated_at = :now
                        WHERE id = :id""")
                .param("privacy", privacyOptions).param("comment", commentDisabled).param("duet", duetDisabled)
                .param("stitch", stitchDisabled).param("max", maxDurationSec).param("now", utc(now)).param("id", id)
                .update();
    }

    /** Forgets the tokens and marks the account disconnected (its posts keep their account). */
    public void disconnect(long id, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE tiktok_account SET status = 'DISCONNECTED', status_reason = :reason, status_changed_at = :now,
                               access_token_ciphertext = NULL, refresh_token_ciphertext = NULL, token_key_id = NULL,
                               access_token_expires_at = NULL, refresh_token_expires_at = NULL,
                               token_version = token_version + 1, refresh_lease_owner = NULL, refresh_lease_until = NULL,
                               updated_at = :now
                        WHERE id = :id""")
                .param("reason", reason).param("now", utc(now)).param("id", id).update();
    }

    /** Deletes an account that no post refers to; false when posts still do. */
    public boolean deleteIfUnused(long id) {
        return jdbc.sql("""
                        DELETE FROM tiktok_account WHERE id = :id
                        AND NOT EXISTS (SELECT 1 FROM post p WHERE p.account_id = :id)""")
                .param("id", id).update() == 1;
    }

    public Optional<Workspace> workspace(String slug) {
        return jdbc.sql("SELECT id, slug, name, default_zone FROM workspace WHERE slug = :slug").param("slug", slug)
                .query((rs, row) -> new Workspace(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public List<Workspace> workspaces() {
        return jdbc.sql("SELECT id, slug, name, default_zone FROM workspace ORDER BY slug")
                .query((rs, row) -> new Workspace(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The workspace with this slug, created (named after the slug, zone UTC) when it does not exist. */
    public Workspace workspaceCreatedIfMissing(String slug, Instant now) {
        return workspace(slug).orElseGet(() -> {
            jdbc.sql("""
                            INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (:slug, :slug, :now, :now)
                            ON DUPLICATE KEY UPDATE slug = slug""")
                    .param("slug", slug).param("now", utc(now)).update();
            return workspace(slug).orElseThrow();
        });
    }

    /** A workspace: the unit that owns accounts and posts. */
    public record Workspace(long id, String slug, String name, String defaultZone) {
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        LocalDateTime expires = rs.getObject("access_token_expires_at", LocalDateTime.class);
        int max = rs.getInt("max_video_post_duration_sec");
        return new Account(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("slug"), rs.getString("open_id"),
                rs.getString("username"), rs.getString("display_name"), rs.getString("zone_id"), rs.getString("status"),
                rs.getString("status_reason"), rs.getString("granted_scopes"),
                expires == null ? null : expires.toInstant(ZoneOffset.UTC), rs.getString("token_key_id"),
                rs.getString("privacy_level_options"), rs.wasNull() ? null : max);
    }
}
