package dev.tiktokcalendar.importer;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tiktokcalendar.importer.ImportRunRepository.utc;

/**
 * Writes a chunk of checked rows as posts with one look-up and a few multi-row statements. For each row:
 * a new key is inserted as SCHEDULED (next_attempt_at = publish_at); a known key with the same fingerprint
 * is unchanged; a known key with new content is updated only while the post has not started publishing
 * (SCHEDULED, DEFERRED, HELD), guarded by its version; anything else is refused with the reason. A dry run
 * classifies the same way and writes nothing but the report. Its counters are saved with the chunk, so a
 * restarted step goes on counting where the last commit left off.
 */
public class CalendarPostWriter implements ItemStreamWriter<PostDraft> {

    static final Set<String> EDITABLE_STATES = Set.of("SCHEDULED", "DEFERRED", "HELD");
    private static final String[] COUNTERS = {"added", "updated", "unchanged", "refused"};
    private static final String POST_COLUMNS = "workspace_id, account_id, external_key, post_type, post_mode, state, "
            + "state_changed_at, publish_at, publish_zone, next_attempt_at, caption, title, privacy_level, allow_comment, "
            + "allow_duet, allow_stitch, video_cover_ms, photo_cover_index, auto_add_music, brand_content_toggle, "
            + "brand_organic_toggle, is_aigc, import_run_id, import_fingerprint, created_at, updated_at";
    private static final String POST_VALUES = "(?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record Existing(long id, String state, String fingerprint, long version) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ImportRunRepository runs;
    private final ImportRequest request;
    private final Clock clock;
    private final Map<String, Integer> counts = new HashMap<>();

    public CalendarPostWriter(JdbcTemplate jdbc, ImportRunRepository runs, ImportRequest request, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.runs = runs;
        this.request = request;
        this.clock = clock;
    }

    @Override
    public void open(ExecutionContext context) {
        for (String counter : COUNTERS) {
            counts.put(counter, context.getInt("writer." + counter, 0));
        }
    }

    @Override
    public void update(ExecutionContext context) {
        counts.forEach((counter, value) -> context.putInt("writer." + counter, value));
    }

    public int count(String counter) {
        return counts.getOrDefault(counter, 0);
    }

    static int counter(ExecutionContext context, String counter) {
        return context.getInt("writer." + counter, 0);
    }

    @Override
    public void write(Chunk<? extends PostDraft> chunk) {
        List<? extends PostDraft> drafts = chunk.getItems();
        Instant now = clock.instant();
        Map<String, Existing> existing = existing(drafts);
        List<PostDraft> inserts = new ArrayList<>();
        List<PostDraft> updates = new ArrayList<>();
        List<Existing> updated = new ArrayList<>();
        for (PostDraft draft : drafts) {
            Existing post = existing.get(draft.externalKey());
            boolean past = draft.publishAt().isBefore(now);
            if (post != null && draft.fingerprint().equals(post.fingerprint())) {
                counts.merge("unchanged", 1, Integer::sum);
            } else if (post != null && !EDITABLE_STATES.contains(post.state())) {
                refuse(draft, "POST_STARTED", "this post has already started publishing (state " + post.state()
                        + "); it is not changed. Give the row a new external_id to schedule another post");
            } else if (past) {
                refuse(draft, "IN_PAST", "publish_at " + draft.publishAt() + " is in the past (now " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
            } else if (post == null) {
                inserts.add(draft);
            } else {
                updates.add(draft);
                updated.add(post);
            }
            if (!draft.warnings().isEmpty()) {
                runs.addProblems(request.runId(), draft.warnings(), draft.cells());
            }
        }
        if (!request.dryRun()) {
            insert(inserts, now);
            update(updates, updated, now);
        }
        counts.merge("added", inserts.size(), Integer::sum);
        counts.merge("updated", updates.size(), Integer::sum);
    }

    private void refuse(PostDraft draft, String code, String reason) {
        counts.merge("refused", 1, Integer::sum);
        runs.addProblems(request.runId(), List.of(RowProblem.error(draft.line(), "external_id", code, reason, null)), draft.cells());
    }

    private Map<String, Existing> existing(List<? extends PostDraft> drafts) {
        if (drafts.isEmpty()) {
            return Map.of();
        }
        Map<String, Existing> existing = new HashMap<>();
        named.query("""
                        SELECT id, external_key, state, import_fingerprint, version FROM post
                        WHERE workspace_id = :workspace AND external_key IN (:keys)""",
                new MapSqlParameterSource("workspace", request.workspaceId())
                        .addValue("keys", drafts.stream().map(PostDraft::externalKey).toList()),
                rs -> {
                    existing.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5)));
                });
        return existing;
    }

    private void insert(List<PostDraft> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return;
        }
        LocalDateTime at = utc(now);
        String sql = "INSERT INTO post (" + POST_COLUMNS + ") VALUES " + String.join(", ", Collections.nCopies(drafts.size(), POST_VALUES));
        jdbc.update(sql, ps -> {
            int i = 1;
            for (PostDraft d : drafts) {
                ps.setLong(i++, request.workspaceId());
                ps.setLong(i++, d.accountId());
                ps.setString(i++, d.externalKey());
                ps.setString(i++, d.type());
                ps.setString(i++, d.mode());
                ps.setObject(i++, at);
                LocalDateTime publishAt = utc(d.publishAt());
                ps.setObject(i++, publishAt);
                ps.setString(i++, d.zone());
                ps.setObject(i++, publishAt);
                i = content(ps, i, d);
                ps.setLong(i++, request.runId());
                ps.setString(i++, d.fingerprint());
                ps.setObject(i++, at);
                ps.setObject(i++, at);
            }
        });
        Map<String, Long> ids = new HashMap<>();
        named.query("SELECT id, external_key FROM post WHERE workspace_id = :workspace AND external_key IN (:keys)",
                new MapSqlParameterSource("workspace", request.workspaceId())
                        .addValue("keys", drafts.stream().map(PostDraft::externalKey).toList()),
                rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
        insertMedia(drafts, ids);
    }

    /** Sets the content columns shared by insert and update; returns the next parameter index. */
    private static int content(PreparedStatement ps, int i, PostDraft d) throws SQLException {
        ps.setString(i++, d.caption());
        ps.setString(i++, d.title());
        ps.setString(i++, d.privacy());
        ps.setBoolean(i++, d.allowComment());
        ps.setBoolean(i++, d.allowDuet());
        ps.setBoolean(i++, d.allowStitch());
        setInt(ps, i++, d.coverMs());
        setInt(ps, i++, d.coverIndex());
        if (d.autoAddMusic() == null) {
            ps.setNull(i++, Types.BOOLEAN);
        } else {
            ps.setBoolean(i++, d.autoAddMusic());
        }
        ps.setBoolean(i++, d.brandContent());
        ps.setBoolean(i++, d.brandOrganic());
        ps.setBoolean(i++, d.aigc());
        return i;
    }

    private static void setInt(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    private void insertMedia(List<PostDraft> drafts, Map<String, Long> ids) {
        List<Object[]> rows = new ArrayList<>();
        for (PostDraft d : drafts) {
            Long postId = ids.get(d.externalKey());
            for (int position = 0; position < d.media().size(); position++) {
                MediaChecker.Media m = d.media().get(position);
                rows.add(new Object[] {postId, position, m.source(), m.contentType(), m.sizeBytes()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO post_media (post_id, position, source, content_type, size_bytes) VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?)"));
        jdbc.update(sql, ps -> {
            int i = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    ps.setObject(i++, value);
                }
            }
        });
    }

    private void update(List<PostDraft> drafts, List<Existing> posts, Instant now) {
        if (drafts.isEmpty()) {
            return;
        }
        LocalDateTime at = utc(now);
        int[] results = jdbc.batchUpdate("""
                        UPDATE post SET account_id = ?, post_type = ?, post_mode = ?, publish_at = ?, publish_zone = ?,
                               next_attempt_at = CASE WHEN state = 'SCHEDULED' THEN ? ELSE GREATEST(next_attempt_at, ?) END,
                               caption = ?, title = ?, privacy_level = ?, allow_comment = ?, allow_duet = ?, allow_stitch = ?,
                               video_cover_ms = ?, photo_cover_index = ?, auto_add_music = ?, brand_content_toggle = ?,
                               brand_organic_toggle = ?, is_aigc = ?, import_run_id = ?, import_fingerprint = ?,
                               updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ? AND state IN ('SCHEDULED', 'DEFERRED', 'HELD')""",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int n) throws SQLException {
                        PostDraft d = drafts.get(n);
                        Existing post = posts.get(n);
                        int i = 1;
                        ps.setLong(i++, d.accountId());
                        ps.setString(i++, d.type());
                        ps.setString(i++, d.mode());
                        LocalDateTime publishAt = utc(d.publishAt());
                        ps.setObject(i++, publishAt);
                        ps.setString(i++, d.zone());
                        ps.setObject(i++, publishAt);
                        ps.setObject(i++, publishAt);
                        i = content(ps, i, d);
                        ps.setLong(i++, request.runId());
                        ps.setString(i++, d.fingerprint());
                        ps.setObject(i++, at);
                        ps.setLong(i++, post.id());
                        ps.setLong(i, post.version());
                    }

                    @Override
                    public int getBatchSize() {
                        return drafts.size();
                    }
                });
        List<PostDraft> changed = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (int n = 0; n < results.length; n++) {
            if (results[n] == 0) {
                counts.merge("updated", -1, Integer::sum);
                refuse(drafts.get(n), "POST_STARTED", "this post started publishing while the import ran; it is not changed");
            } else {
                changed.add(drafts.get(n));
                ids.put(drafts.get(n).externalKey(), posts.get(n).id());
            }
        }
        if (!changed.isEmpty()) {
            named.update("DELETE FROM post_media WHERE post_id IN (:ids)", new MapSqlParameterSource("ids", ids.values()));
            insertMedia(changed, ids);
        }
    }
}
