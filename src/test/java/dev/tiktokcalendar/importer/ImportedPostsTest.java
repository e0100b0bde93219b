package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New posts and their media, written either way ({@link LocalInfileLoads}, {@link MultiRowInserts}), with ids from
 * the generated keys or a look-up: the same rows, each media row pointing at its post.
 */
@SpringBootTest
class ImportedPostsTest extends DatabaseTest {

    static final AtomicInteger WORKSPACES = new AtomicInteger();
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123Z");

    @Autowired
    JdbcTemplate template;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRunRepository runs;

    @Autowired
    PlatformTransactionManager transactionManager;

    long accountId;

    record Target(long workspaceId, long runId) {
    }

    @BeforeEach
    void serverTakesLoadDataLocal() {
        // MariaDB has it on by default, MySQL 8 (e.g. the Testcontainers server of the tests) off
        if (jdbc.sql("SELECT @@local_infile").query(Integer.class).single() == 0) {
            jdbc.sql("SET GLOBAL local_infile = 1").update();
        }
    }

    private Target workspace() {
        String slug = "posts-" + WORKSPACES.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)").params(slug, slug, now, now).update();
        long workspaceId = jdbc.sql("SELECT id FROM workspace WHERE slug = ?").param(slug).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, created_at, updated_at)
                        VALUES (?, ?, 'alice', 'UTC', ?, ?)""").params(workspaceId, "open-" + slug, now, now).update();
        accountId = jdbc.sql("SELECT id FROM tiktok_account WHERE workspace_id = ?").param(workspaceId).query(Long.class).single();
        return new Target(workspaceId, runs.create(workspaceId, "posts.csv", "0".repeat(64), "native", false, 1, Instant.now()));
    }

    private ImportedPosts posts(Target target, String way, boolean consecutiveIds) {
        NewRows newRows = way.equals("LOAD DATA") ? new LocalInfileLoads(template, consecutiveIds) : new MultiRowInserts(template, consecutiveIds);
        return new ImportedPosts(template, newRows, target.workspaceId(), target.runId());
    }

    private void insert(ImportedPosts posts, List<PostDraft> drafts) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> posts.insert(drafts, NOW));
    }

    private PostDraft video(String key, String caption, String media, Long size) {
        return new PostDraft(2, List.of(), accountId, "@alice", key, "VIDEO", "DIRECT", Instant.parse("2030-09-14T07:30:00.250Z"),
                "Europe/Paris", caption, null, "PUBLIC_TO_EVERYONE", true, false, true, 1500, null, null, false, true, false,
                List.of(new MediaChecker.Media(media, size, "video/mp4")), "f-" + key, List.of(), null);
    }

    private PostDraft photo(String key, String... media) {
        return new PostDraft(3, List.of(), accountId, "@alice", key, "PHOTO", "INBOX", Instant.parse("2030-09-15T08:00:00Z"),
                "UTC", null, "A title\twith a tab", null, false, false, false, null, 1, true, true, false, true,
                Arrays.stream(media).map(m -> new MediaChecker.Media(m, 20L, "image/jpeg")).toList(), "f-" + key, List.of(), null);
    }

    static Stream<Arguments> ways() {
        return Stream.of(Arguments.of("LOAD DATA", true), Arguments.of("LOAD DATA", false),
                Arguments.of("INSERT", true), Arguments.of("INSERT", false));
    }

    @ParameterizedTest(name = "{0}, ids from the server: {1}")
    @MethodSource("ways")
    void eachMediaRowBelongsToItsPost(String way, boolean consecutiveIds) {
        Target target = workspace();
        List<PostDraft> drafts = IntStream.range(0, 700).mapToObj(n -> n % 100 == 7
                ? photo("id:" + n, "p/" + n + "a.jpg", "p/" + n + "b.jpg") : video("id:" + n, "Post " + n, "v/" + n + ".mp4", 8L)).toList();

        insert(posts(target, way, consecutiveIds), drafts);

        List<String> media = jdbc.sql("""
                        SELECT CONCAT(p.external_key, ' ', m.position, ' ', m.source) FROM post_media m JOIN post p ON p.id = m.post_id
                        WHERE p.workspace_id = ?""").param(target.workspaceId()).query(String.class).list();
        List<String> expected = drafts.stream().flatMap(d -> IntStream.range(0, d.media().size())
                .mapToObj(position -> d.externalKey() + " " + position + " " + d.media().get(position).source())).toList();
        assertThat(media).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void bothWaysWriteTheSameRows() {
        String awkward = "tab\there, line\nbreak, CR\r, backslash \\ and \\N, \"quotes\" 'single' ; -- \uD83C\uDFAC é";
        List<Map<String, Object>> written = Stream.of("LOAD DATA", "LOAD DATA rendered ahead", "INSERT").map(way -> {
            Target target = workspace();
            List<PostDraft> drafts = List.of(video("id:a", awkward, "v/a b\\c.mp4", 4L * 1024 * 1024 * 1024 - 1),
                    video("id:b", null, "https://cdn.example.com/v.mp4?x=1\t2", null), photo("id:c", "p/1.jpg", "p/2.jpg"));
            if (way.endsWith("ahead")) {
                drafts = drafts.stream().map(d -> d.withNewPostText(ImportedPosts.newPostText(d, target.workspaceId(), target.runId()))).toList();
            }
            insert(posts(target, way.startsWith("LOAD") ? "LOAD DATA" : way, true), drafts);
            return jdbc.sql("""
                            SELECT p.*, (SELECT GROUP_CONCAT(CONCAT_WS('|', m.position, m.source, m.content_type, IFNULL(m.size_bytes, 'null'))
                                                          ORDER BY m.position SEPARATOR ' / ') FROM post_media m WHERE m.post_id = p.id) AS media
                            FROM post p WHERE p.workspace_id = ? ORDER BY p.external_key""").param(target.workspaceId()).query().listOfRows();
        }).map(rows -> Map.<String, Object>of("rows", rows.stream().map(row -> {
            Map<String, Object> comparable = new java.util.TreeMap<>(row);
            comparable.remove("id");
            comparable.remove("workspace_id");
            comparable.remove("account_id");
            comparable.remove("import_run_id");
            return comparable;
        }).toList())).toList();

        assertThat(written.get(0)).isEqualTo(written.get(1)).isEqualTo(written.get(2));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) written.get(0).get("rows");
        assertThat(rows.get(0).get("caption")).isEqualTo(awkward);
        assertThat(rows.get(0).get("publish_at")).isEqualTo(LocalDateTime.parse("2030-09-14T07:30:00.250"));
        assertThat(rows.get(0).get("created_at")).isEqualTo(LocalDateTime.parse("2026-01-01T00:00:00.123"));
        assertThat(rows.get(0).get("media")).isEqualTo("0|v/a b\\c.mp4|video/mp4|4294967295");
        assertThat(rows.get(1).get("caption")).isNull();
        assertThat(rows.get(1).get("media")).isEqualTo("0|https://cdn.example.com/v.mp4?x=1\t2|video/mp4|null");
        assertThat(rows.get(2).get("title")).isEqualTo("A title\twith a tab");
        assertThat(rows.get(2).get("privacy_level")).isNull();
        assertThat(rows.get(2).get("video_cover_ms")).isNull();
        assertThat(rows.get(2).get("photo_cover_index")).isEqualTo(1);
    }

    @Test
    void aLoadTheServerDoesNotTakeWholeRollsTheChunkBack() {
        Target target = workspace();
        ImportedPosts posts = posts(target, "LOAD DATA", true);
        insert(posts, List.of(video("id:taken", "first", "v/1.mp4", 8L)));

        assertThatThrownBy(() -> insert(posts, List.of(video("id:new", "second", "v/2.mp4", 8L), video("id:taken", "again", "v/1.mp4", 8L))))
                .hasMessageContaining("LOAD DATA wrote 1 of 2 rows into post").hasMessageContaining("Duplicate entry");

        assertThat(jdbc.sql("SELECT external_key FROM post WHERE workspace_id = ?").param(target.workspaceId()).query(String.class).list())
                .containsExactly("id:taken");
    }

    static Stream<Arguments> waysAndTakenRows() {
        return ways().flatMap(way -> Stream.of(0, 555).map(taken -> Arguments.of(way.get()[0], way.get()[1], taken)));
    }

    @ParameterizedTest(name = "{0}, ids from the server: {1}, row {2} taken")
    @MethodSource("waysAndTakenRows")
    void anInsertOfRowsAssumedNewLeavesNothingWhenOneKeyIsTaken(String way, boolean consecutiveIds, int takenRow) {
        Target target = workspace();
        ImportedPosts posts = posts(target, way, consecutiveIds);
        insert(posts, List.of(video("id:taken", "first", "v/1.mp4", 8L)));
        List<PostDraft> chunk = IntStream.range(0, 600).mapToObj(n -> n == takenRow ? video("id:taken", "again", "v/1.mp4", 8L)
                : video("id:" + n, "Post " + n, "v/" + n + ".mp4", 8L)).toList();

        Boolean written = new TransactionTemplate(transactionManager).execute(status -> posts.insertIfAllNew(chunk, NOW));

        assertThat(written).isFalse();
        assertThat(jdbc.sql("SELECT external_key FROM post WHERE workspace_id = ?").param(target.workspaceId()).query(String.class).list())
                .containsExactly("id:taken");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post_media m JOIN post p ON p.id = m.post_id WHERE p.workspace_id = ?")
                .param(target.workspaceId()).query(Long.class).single()).isEqualTo(1L);

        Boolean fresh = new TransactionTemplate(transactionManager).execute(status -> posts.insertIfAllNew(
                chunk.stream().filter(d -> !d.externalKey().equals("id:taken")).limit(500).toList(), NOW));

        assertThat(fresh).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post_media m JOIN post p ON p.id = m.post_id WHERE p.workspace_id = ?")
                .param(target.workspaceId()).query(Long.class).single()).isEqualTo(501L);
    }

    @ParameterizedTest(name = "{0}, ids from the server: {1}")
    @MethodSource("ways")
    void anInsertOfRowsAssumedNewWhoseKeysAreAllTakenLeavesTheRunsEarlierPosts(String way, boolean consecutiveIds) {
        Target target = workspace();
        ImportedPosts posts = posts(target, way, consecutiveIds);
        List<PostDraft> chunk = IntStream.range(0, 3).mapToObj(n -> video("id:" + n, "Post " + n, "v/" + n + ".mp4", 8L)).toList();
        insert(posts, chunk);

        Boolean written = new TransactionTemplate(transactionManager).execute(status -> posts.insertIfAllNew(chunk, NOW));

        assertThat(written).isFalse();
        assertThat(jdbc.sql("""
                        SELECT CONCAT(p.external_key, ' ', m.source) FROM post p JOIN post_media m ON m.post_id = p.id
                        WHERE p.workspace_id = ?""").param(target.workspaceId()).query(String.class).list())
                .containsExactlyInAnyOrder("id:0 v/0.mp4", "id:1 v/1.mp4", "id:2 v/2.mp4");
    }
}
