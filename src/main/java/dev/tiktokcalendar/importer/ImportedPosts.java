package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.database.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code post} and {@code post_media} rows of one import's workspace, a chunk at a time: new rows through
 * {@link NewRows} (LOAD DATA or multi-row INSERTs), updates as one batch. Instants are bound as UTC text
 * ({@link SqlTime}) to keep their milliseconds.
 */
class ImportedPosts {

    /** A post the file's key already names. */
    record Existing(long id, String state, String fingerprint, long version) {
    }

    /** {@code post}: the position of its post among the posts written. */
    private record MediaRow(int post, int position, MediaChecker.Media media) {
    }

    static final NewRows.Table POST = new NewRows.Table("post", List.of("workspace_id", "account_id", "external_key",
            "post_type", "post_mode", "state", "publish_at", "publish_zone", "next_attempt_at", "caption", "title",
            "privacy_level", "allow_comment", "allow_duet", "allow_stitch", "video_cover_ms", "photo_cover_index",
            "auto_add_music", "brand_content_toggle", "brand_organic_toggle", "is_aigc", "import_run_id", "import_fingerprint",
            // written last: known only when the chunk is written, after the rest may have been rendered ahead
            "state_changed_at", "created_at", "updated_at"));
    static final NewRows.Table POST_MEDIA = new NewRows.Table("post_media",
            List.of("post_id", "position", "source", "content_type", "size_bytes"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NewRows newRows;
    private final long workspaceId;
    private final long runId;

    ImportedPosts(JdbcTemplate jdbc, NewRows newRows, long workspaceId, long runId) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.newRows = newRows;
        this.workspaceId = workspaceId;
        this.runId = runId;
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
        insertMedia(drafts, insertPosts(drafts, now));
    }

    /**
     * Inserts the drafts like {@link #insert} if none of their keys is taken, and says so; otherwise writes
     * nothing and returns false. What a refused load wrote is deleted again where it is known exactly
     * ({@link NewRows#refusedRowsFollowLastInsertId}); otherwise the attempt starts at a savepoint (a round trip
     * per chunk, ~5 % of an import).
     */
    boolean insertIfAllNew(List<? extends PostDraft> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return true;
        }
        List<PostDraft> rows = List.copyOf(drafts);
        NewRows.Written posts = newRows.refusedRowsFollowLastInsertId() ? insertOrDelete(rows, now) : insertOrRollBack(rows, now);
        if (posts == null) {
            return false;
        }
        insertMedia(rows, posts);
        return true;
    }

    private NewRows.Written insertOrDelete(List<PostDraft> rows, Instant now) {
        try {
            return insertPosts(rows, now);
        } catch (NewRows.RowsRefusedException taken) {
            long written = taken.written();
            // nothing written leaves LAST_INSERT_ID() at an older statement's id: then there is nothing to delete
            if (written > 0) {
                // the load's rows are this run's first `written` rows from LAST_INSERT_ID() on: the table's AUTO-INC
                // lock kept every other writer out of the ids in between; LIMIT stops at the last of them
                int deleted = jdbc.update("DELETE FROM post WHERE id >= LAST_INSERT_ID() AND import_run_id = ? ORDER BY id LIMIT ?",
                        runId, written);
                if (deleted != written) {
                    throw new IllegalStateException("undoing a refused load of " + rows.size() + " posts deleted "
                            + deleted + " of the " + written + " it wrote");
                }
            }
            return null;
        }
    }

    private NewRows.Written insertOrRollBack(List<PostDraft> rows, Instant now) {
        return jdbc.execute((ConnectionCallback<NewRows.Written>) connection -> {
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                return insertPosts(rows, now);
            } catch (NewRows.RowsRefusedException | DuplicateKeyException taken) {
                connection.rollback(beforeInsert);
                return null;
            }
        });
    }

    private NewRows.Written insertPosts(List<PostDraft> drafts, Instant now) {
        String at = SqlTime.utc(now);
        return newRows.insert(POST, drafts, (d, values) -> {
            if (d.newPostText() != null && values instanceof TsvRows text) {
                text.fields(d.newPostText());
            } else {
                newPostColumns(values, d, workspaceId, runId);
            }
            values.text(at).text(at).text(at);
        });
    }

    /**
     * The columns of the draft's new post up to import_fingerprint as LOAD DATA text, for the check thread to
     * render ahead of the writer (~6 % of the writing thread otherwise).
     */
    static String newPostText(PostDraft d, long workspaceId, long runId) {
        TsvRows text = new TsvRows(256);
        try {
            newPostColumns(text, d, workspaceId, runId);
        } catch (SQLException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        return text.row();
    }

    private static void newPostColumns(RowValues values, PostDraft d, long workspaceId, long runId) throws SQLException {
        String publishAt = SqlTime.utc(d.publishAt());
        values.number(workspaceId).number(d.accountId()).text(d.externalKey()).text(d.type()).text(d.mode())
                .text("SCHEDULED").text(publishAt).text(d.zone()).text(publishAt);
        content(values, d);
        values.number(runId).text(d.fingerprint());
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
                        String publishAt = SqlTime.utc(d.publishAt());
                        RowValues values = new BoundRowValues(ps).number(d.accountId()).text(d.type()).text(d.mode())
                                .text(publishAt).text(d.zone()).text(publishAt).text(publishAt);
                        content(values, d);
                        values.number(runId).text(d.fingerprint()).text(at).number(post.id()).number(post.version());
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
            insertMedia(changed, new NewRows.Written.Ids(changedIds.stream().mapToLong(Long::longValue).toArray()));
        }
        return updated;
    }

    /** The content columns shared by insert and update, from caption to is_aigc. */
    private static void content(RowValues values, PostDraft d) throws SQLException {
        values.text(d.caption()).text(d.title()).text(d.privacy()).flag(d.allowComment()).flag(d.allowDuet())
                .flag(d.allowStitch()).number(d.coverMs()).number(d.coverIndex()).flag(d.autoAddMusic())
                .flag(d.brandContent()).flag(d.brandOrganic()).flag(d.aigc());
    }

    /** {@code posts} are the ids of the drafts' posts, in draft order. */
    private void insertMedia(List<PostDraft> drafts, NewRows.Written posts) {
        NewRows.Written parents = posts instanceof NewRows.Written.Unknown ? new NewRows.Written.Ids(idsByKey(drafts)) : posts;
        List<MediaRow> rows = new ArrayList<>();
        for (int n = 0; n < drafts.size(); n++) {
            List<MediaChecker.Media> media = drafts.get(n).media();
            for (int position = 0; position < media.size(); position++) {
                rows.add(new MediaRow(n, position, media.get(position)));
            }
        }
        newRows.insertChildren(POST_MEDIA, parents, rows, MediaRow::post, (row, values) -> values.number(row.position())
                .text(row.media().source()).text(row.media().contentType()).number(row.media().sizeBytes()));
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
