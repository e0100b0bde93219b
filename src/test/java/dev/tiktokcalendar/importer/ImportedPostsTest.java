package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Each post's media rows point at that post, whether the new ids come from the generated keys or a look-up. */
@SpringBootTest
class ImportedPostsTest extends DatabaseTest {

    static final AtomicInteger WORKSPACES = new AtomicInteger();

    @Autowired
    JdbcTemplate template;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRunRepository runs;

    long workspaceId;
    long accountId;
    long runId;

    @BeforeEach
    void workspaceAccountAndRun() {
        String slug = "posts-" + WORKSPACES.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)").params(slug, slug, now, now).update();
        workspaceId = jdbc.sql("SELECT id FROM workspace WHERE slug = ?").param(slug).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, created_at, updated_at)
                        VALUES (?, ?, 'alice', 'UTC', ?, ?)""").params(workspaceId, "open-" + slug, now, now).update();
        accountId = jdbc.sql("SELECT id FROM tiktok_account WHERE workspace_id = ?").param(workspaceId).query(Long.class).single();
        runId = runs.create(workspaceId, "posts.csv", "0".repeat(64), "native", false, 1, Instant.now());
    }

    private PostDraft draft(String key, String type, String... media) {
        return new PostDraft(2, List.of(), accountId, "@alice", key, type, "DIRECT", Instant.parse("2030-09-14T07:30:00.250Z"),
                "UTC", "caption of " + key, null, "PUBLIC_TO_EVERYONE", false, false, false, null,
                type.equals("PHOTO") ? 0 : null, null, false, false, false,
                java.util.Arrays.stream(media).map(m -> new MediaChecker.Media(m, 8L, "video/mp4")).toList(), "f-" + key, List.of());
    }

    @ParameterizedTest(name = "ids from generated keys: {0}")
    @ValueSource(booleans = {true, false})
    void eachMediaRowBelongsToItsPost(boolean consecutiveIds) {
        ImportedPosts posts = new ImportedPosts(template, workspaceId, runId, consecutiveIds);

        posts.insert(List.of(draft("id:one", "VIDEO", "v/1.mp4"), draft("id:two", "PHOTO", "p/2a.jpg", "p/2b.jpg"),
                draft("id:three", "VIDEO", "v/3.mp4")), Instant.parse("2026-01-01T00:00:00.123Z"));

        List<Map<String, Object>> media = jdbc.sql("""
                        SELECT p.external_key, m.position, m.source FROM post_media m JOIN post p ON p.id = m.post_id
                        WHERE p.workspace_id = ? ORDER BY m.source""").param(workspaceId).query().listOfRows();
        assertThat(media).extracting(m -> m.get("external_key") + " " + m.get("position") + " " + m.get("source"))
                .containsExactly("id:two 0 p/2a.jpg", "id:two 1 p/2b.jpg", "id:one 0 v/1.mp4", "id:three 0 v/3.mp4");
        Map<String, Object> one = jdbc.sql("SELECT publish_at, created_at FROM post WHERE workspace_id = ? AND external_key = 'id:one'")
                .param(workspaceId).query().singleRow();
        assertThat(one.get("publish_at")).isEqualTo(LocalDateTime.parse("2030-09-14T07:30:00.250"));
        assertThat(one.get("created_at")).isEqualTo(LocalDateTime.parse("2026-01-01T00:00:00.123"));
    }

    @ParameterizedTest(name = "ids from generated keys: {0}")
    @ValueSource(booleans = {true, false})
    void moreRowsThanOneStatementTakesStillLinkEachMediaRowToItsPost(boolean consecutiveIds) {
        ImportedPosts posts = new ImportedPosts(template, workspaceId, runId, consecutiveIds);
        List<PostDraft> drafts = java.util.stream.IntStream.range(0, 700).mapToObj(n -> draft("id:" + n, "VIDEO", "v/" + n + ".mp4")).toList();

        posts.insert(drafts, Instant.now());

        List<String> mismatched = jdbc.sql("""
                        SELECT p.external_key FROM post_media m JOIN post p ON p.id = m.post_id
                        WHERE p.workspace_id = ? AND CONCAT('v/', SUBSTRING(p.external_key, 4), '.mp4') <> m.source""")
                .param(workspaceId).query(String.class).list();
        assertThat(mismatched).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post_media m JOIN post p ON p.id = m.post_id WHERE p.workspace_id = ?")
                .param(workspaceId).query(Long.class).single()).isEqualTo(700L);
    }
}
