package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.jobs.report.PublishedVideoSource.PublishedVideo;
import dev.tiktokcalendar.support.CalendarFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reported day with every state represented, in its own workspace (2031-03-14, UTC):
 * alice (video.list scope) has one post in each state, bob needs re-authorisation and has a held post, carol's
 * refresh token expires in 3 days and TikTok cannot be asked for her videos.
 */
final class ReportDay {

    static final LocalDate DATE = LocalDate.of(2031, 3, 14);
    static final String INJECTION_CAPTION = "=HYPERLINK(\"http://evil.example\",\"click\") <script>alert(1)</script>";

    final String slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    final long workspaceId;
    final long alice;
    final long bob;
    final long carol;
    final Map<String, Long> posts = new java.util.LinkedHashMap<>();
    final List<PublishedVideo> aliceOnTikTok;

    private final JdbcClient jdbc;
    private final CalendarFixtures fixtures;

    ReportDay(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.fixtures = new CalendarFixtures(jdbc);
        workspaceId = fixtures.workspace(slug);
        alice = account("alice", "ACTIVE", "user.info.basic,video.list", at("2032-01-01T00:00:00Z"));
        bob = account("bob", "NEEDS_REAUTH", null, null);
        carol = account("carol", "ACTIVE", "video.list", at("2031-03-18T00:00:00Z"));

        long published = post("published", alice, "PUBLISHED", "09:00");
        set(published, "tiktok_post_id = '7001', completed_at = ?", ts("09:00:30"));
        apiCalls(published, "/v2/post/publish/video/init/", 1);
        apiCalls(published, "/v2/post/publish/status/fetch/", 2);
        long publishedMissing = post("publishedMissing", alice, "PUBLISHED", "10:00");
        set(publishedMissing, "tiktok_post_id = '7002', tiktok_url = 'https://www.tiktok.com/@alice/video/7002', completed_at = ?",
                ts("10:02:00"));
        apiCalls(publishedMissing, "/v2/post/publish/status/fetch/", 4);
        long noPublicId = post("noPublicId", alice, "PUBLISHED_NO_PUBLIC_ID", "11:00");
        set(noPublicId, "completed_at = ?", ts("11:10:00"));
        post("inInbox", alice, "IN_INBOX", "12:00");
        long deferred = post("deferred", alice, "DEFERRED", "13:00");
        set(deferred, "fail_code = 'spam_risk_too_many_posts', fail_message = 'too many posts'", null);
        post("unknown", alice, "UNKNOWN", "14:00");
        long failed = post("failed", alice, "FAILED", "15:00");
        set(failed, "fail_code = 'frame_rate_check_failed', fail_message = 'fps 120', fail_log_id = 'LOG123'", null);
        post("cancelled", alice, "CANCELLED", "16:00");
        post("scheduled", alice, "SCHEDULED", "17:00");
        post("processing", alice, "PROCESSING", "18:00");
        long injected = post("injected", alice, "FAILED", "19:00");
        set(injected, "fail_code = 'spam_risk_text', caption = ?", INJECTION_CAPTION);
        post("held", bob, "HELD", "08:00");
        // the next day: not in the report
        fixtures.post(workspaceId, alice, "SCHEDULED", at("2031-03-15T00:30:00Z"));
        // the day before, gone out late (after midnight): TikTok lists it in the day, the calendar knows it
        long late = fixtures.post(workspaceId, alice, "PUBLISHED", at("2031-03-13T23:50:00Z"));
        set(late, "tiktok_post_id = '7100', completed_at = ?", LocalDateTime.parse("2031-03-14T00:10:00"));

        aliceOnTikTok = List.of(
                new PublishedVideo("7001", at("2031-03-14T09:00:30Z"), "published", null),
                new PublishedVideo("7999", at("2031-03-14T20:00:00Z"), "posted by hand", null),
                new PublishedVideo("7100", at("2031-03-14T00:10:00Z"), "yesterday's, late", null),
                new PublishedVideo("7500", at("2031-03-13T20:00:00Z"), "the day before", null));
    }

    private long account(String username, String status, String scopes, Instant refreshExpires) {
        long id = fixtures.account(workspaceId, username);
        jdbc.sql("UPDATE tiktok_account SET status = ?, granted_scopes = ?, refresh_token_expires_at = ? WHERE id = ?")
                .params(status, scopes, refreshExpires == null ? null : LocalDateTime.ofInstant(refreshExpires, ZoneOffset.UTC), id)
                .update();
        return id;
    }

    private long post(String name, long account, String state, String time) {
        long id = fixtures.post(workspaceId, account, state, at(DATE + "T" + time + ":00Z"));
        posts.put(name, id);
        return id;
    }

    /** {@code assignments} holds at most one {@code ?}, bound to {@code value}. */
    private void set(long postId, String assignments, Object value) {
        String sql = "UPDATE post SET " + assignments + " WHERE id = ?";
        (value == null ? jdbc.sql(sql).params(postId) : jdbc.sql(sql).params(value, postId)).update();
    }

    private void apiCalls(long postId, String endpoint, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            INSERT INTO post_event (post_id, kind, occurred_at, endpoint, http_status, tiktok_code)
                            VALUES (?, 'API_CALL', UTC_TIMESTAMP(3), ?, 200, 'ok')""")
                    .params(postId, endpoint).update();
        }
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static LocalDateTime ts(String time) {
        return LocalDateTime.parse(DATE + "T" + time);
    }
}
