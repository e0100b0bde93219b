package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code post} and {@code post_media} rows of one import's workspace, written a chunk at a time in multi-row
 * statements of a few fixed sizes ({@link RowBlocks}). Instants are bound as UTC text ({@link SqlTime}) to keep
 * their milliseconds.
 */
class ImportedPosts {

    /** A post the file's key already names. */
    record Existing(long id, String state, String fingerprint, long version) {
    }

    private static final String POST_COLUMNS = "workspace_id, account_id, external_key, post_type, post_mode, state, "
            + "state_changed_at, publish_at, publish_zone, next_attempt_at, caption, title, privacy_level, allow_comment, "
            + "allow_duet, allow_stitch, video_cover_ms, photo_cover_index, auto_add_music, brand_content_toggle, "
            + "brand_organic_toggle, is_aigc, import_run_id, import_fingerprint, created_at, updated_at";
    private static final String POST_VALUES = "(?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MEDIA_VALUES = "(?, ?, ?, ?, ?)";
    /** The statement texts by rows per statement (few: see {@link RowBlocks}). */
    private static final Map<Integer, String> POST_INSERTS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> MEDIA_INSERTS = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final long workspaceId;
    private final long runId;
    private final boolean consecutiveIds;

    /** {@code consecutiveIds}: see {@link ConsecutiveInsertIds}; false looks the new ids up by key. */
    ImportedPosts(JdbcTemplate jdbc, long workspaceId, long runId, boolean consecutiveIds) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.workspaceId = workspaceId;
        this.runId = runId;
        this.consecutiveIds = consecutiveIds;
    }

    Map<String, Existing> existing(List<? extends PostDraft> drafts) {
        Map<String, Existing> existing = new HashMap<>();
        forEachBlock(drafts, block -> named.query("""
                        SELECT id, external_key, state, import_fingerprint, version FROM post
                        WHERE workspace_id = :workspace AND external_key IN (:keys)""",
                new MapSqlParameterSource("workspace", workspaceId).addValue("keys", keys(block)),
                rs -> {
                    existing.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }));
        return existing;
    }

    /** Inserts the drafts as SCHEDULED posts (next attempt at their publish time) with their media. */
    void insert(List<PostDraft> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return;
        }
        String at = SqlTime.utc(now);
        long[] ids = new long[drafts.size()];
        int from = 0;
        for (int size : RowBlocks.of(drafts.size())) {
            List<PostDraft> block = drafts.subList(from, from + size);
            long[] blockIds = insertPosts(block, at);
            if (blockIds != null) {
                System.arraycopy(blockIds, 0, ids, from, size);
            }
            from += size;
        }
        insertMedia(drafts, consecutiveIds ? ids : idsByKey(drafts));
    }

    /** One multi-row INSERT; the ids of the rows when they are known to be consecutive, else null. */
    private long[] insertPosts(List<PostDraft> drafts, String at) {
        String sql = POST_INSERTS.computeIfAbsent(drafts.size(), rows -> "INSERT INTO post (" + POST_COLUMNS + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, POST_VALUES)));
        return jdbc.execute(connection -> connection.prepareStatement(sql, consecutiveIds
                ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS), (PreparedStatement ps) -> {
            int i = 1;
            for (PostDraft d : drafts) {
                ps.setLong(i++, workspaceId);
                ps.setLong(i++, d.accountId());
                ps.setString(i++, d.externalKey());
                ps.setString(i++, d.type());
                ps.setString(i++, d.mode());
                ps.setString(i++, at);
                String publishAt = SqlTime.utc(d.publishAt());
                ps.setString(i++, publishAt);
                ps.setString(i++, d.zone());
                ps.setString(i++, publishAt);
                i = content(ps, i, d);
                ps.setLong(i++, runId);
                ps.setString(i++, d.fingerprint());
                ps.setString(i++, at);
                ps.setString(i++, at);
            }
            ps.executeUpdate();
            return consecutiveIds ? generatedIds(ps, drafts.size()) : null;
        });
    }

    private static long[] generatedIds(PreparedStatement ps, int rows) throws SQLException {
        long[] ids = new long[rows];
        int n = 0;
        try (ResultSet keys = ps.getGeneratedKeys()) {
            while (keys.next()) {
                if (n == rows) {
                    throw new IllegalStateException("more generated keys than the " + rows + " rows inserted");
                }
                ids[n++] = keys.getLong(1);
            }
        }
        if (n != rows) {
            throw new IllegalStateException(n + " generated keys for " + rows + " rows inserted");
        }
        return ids;
    }

    private long[] idsByKey(List<PostDraft> drafts) {
        Map<String, Long> byKey = new HashMap<>();
        forEachBlock(drafts, block -> named.query("SELECT id, external_key FROM post WHERE workspace_id = :workspace AND external_key IN (:keys)",
                new MapSqlParameterSource("workspace", workspaceId).addValue("keys", keys(block)),
                rs -> {
                    byKey.put(rs.getString(2), rs.getLong(1));
                }));
        long[] ids = new long[drafts.size()];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = byKey.get(drafts.get(n).externalKey());
        }
        return ids;
    }

    /**
     * Updates each post with its draft unless it started publishing or changed since it was read (its version);
     * returns, per draft, whether its post was updated. The media of updated posts are replaced.
     */
    boolean[] update(List<PostDraft> drafts, List<Existing> posts, Instant now) {
        if (drafts.isEmpty()) {
            return new boolean[0];
        }
        String at = SqlTime.utc(now);
        int[] results = jdbc.batchUpdate("""
                        UPDATE post SET account_id = ?, post_type = ?, post_mode = ?, publish_at = ?, publish_zone = ?,
                               next_attempt_at = CASE WHEN state = 'SCHEDULED' THEN ? ELSE GREATEST(next_attempt_at, ?) END,
                               caption = ?, title = ?, privacy_level = ?, allow_comment = ?, allow_duet = ?, allow_stitch = ?,
                               video_cover_ms = ?, photo_cover_index = ?, auto_add_music = ?, brand_content_toggle = ?,
                               brand_organic_toggle = ?, is_aigc = ?, import_run_id = ?, import_fingerprint = ?,
                               updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ? AND state IN ('SCHEDULED', 'DEFERRED', 'HELD')""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int n) throws SQLException {
                        PostDraft d = drafts.get(n);
                        Existing post = posts.get(n);
                        int i = 1;
                        ps.setLong(i++, d.accountId());
                        ps.setString(i++, d.type());
                        ps.setString(i++, d.mode());
                        String publishAt = SqlTime.utc(d.publishAt());
                        ps.setString(i++, publishAt);
                        ps.setString(i++, d.zone());
                        ps.setString(i++, publishAt);
                        ps.setString(i++, publishAt);
                        i = content(ps, i, d);
                        ps.setLong(i++, runId);
                        ps.setString(i++, d.fingerprint());
                        ps.setString(i++, at);
                        ps.setLong(i++, post.id());
                        ps.setLong(i, post.version());
                    }

                    @Override
                    public int getBatchSize() {
                        return drafts.size();
                    }
                });
        boolean[] updated = new boolean[drafts.size()];
        List<PostDraft> changed = new ArrayList<>();
        List<Long> changedIds = new ArrayList<>();
        for (int n = 0; n < results.length; n++) {
            if (results[n] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not report whether post " + posts.get(n).id() + " was updated");
            }
            updated[n] = results[n] != 0;
            if (updated[n]) {
                changed.add(drafts.get(n));
                changedIds.add(posts.get(n).id());
            }
        }
        if (!changed.isEmpty()) {
            named.update("DELETE FROM post_media WHERE post_id IN (:ids)", new MapSqlParameterSource("ids", changedIds));
            insertMedia(changed, changedIds.stream().mapToLong(Long::longValue).toArray());
        }
        return updated;
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

    /** {@code postIds[n]} is the post of {@code drafts.get(n)}. */
    private void insertMedia(List<PostDraft> drafts, long[] postIds) {
        List<MediaRow> rows = new ArrayList<>();
        for (int n = 0; n < postIds.length; n++) {
            List<MediaChecker.Media> media = drafts.get(n).media();
            for (int position = 0; position < media.size(); position++) {
                rows.add(new MediaRow(postIds[n], position, media.get(position)));
            }
        }
        forEachBlock(rows, block -> {
            String sql = MEDIA_INSERTS.computeIfAbsent(block.size(), size -> "INSERT INTO post_media (post_id, position, source, "
                    + "content_type, size_bytes) VALUES " + String.join(", ", Collections.nCopies(size, MEDIA_VALUES)));
            jdbc.update(sql, ps -> {
                int i = 1;
                for (MediaRow row : block) {
                    ps.setLong(i++, row.postId());
                    ps.setInt(i++, row.position());
                    ps.setString(i++, row.media().source());
                    ps.setString(i++, row.media().contentType());
                    if (row.media().sizeBytes() == null) {
                        ps.setNull(i++, Types.BIGINT);
                    } else {
                        ps.setLong(i++, row.media().sizeBytes());
                    }
                }
            });
        });
    }

    private record MediaRow(long postId, int position, MediaChecker.Media media) {
    }

    private static <T> void forEachBlock(List<? extends T> rows, Consumer<List<? extends T>> action) {
        int from = 0;
        for (int size : RowBlocks.of(rows.size())) {
            action.accept(rows.subList(from, from + size));
            from += size;
        }
    }

    private static List<String> keys(List<? extends PostDraft> drafts) {
        return drafts.stream().map(PostDraft::externalKey).toList();
    }
}
