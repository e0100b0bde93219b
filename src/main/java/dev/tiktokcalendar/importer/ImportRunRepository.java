package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.database.SqlTime;
import org.apache.commons.csv.CSVFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code import_run} and {@code import_row_error}: the record and the report of every import. */
@Repository
public class ImportRunRepository {

    static final CSVFormat LINE = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    /** One import as recorded. */
    public record ImportRun(long id, Long workspaceId, String fileName, String format, boolean dryRun, String status,
                            int rowsRead, int rowsCreated, int rowsUpdated, int rowsUnchanged, int rowsRejected,
                            int rowsIgnored, int rowsWarned, String headerRow, String fileError, Long jobExecutionId) {
    }

    /** One recorded problem, with the original row. */
    public record ErrorRow(long line, String column, String severity, String code, String message, String value, String rawRow) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ImportRunRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Long> workspaceId(String slug) {
        return jdbc.sql("SELECT id FROM workspace WHERE slug = ?").param(slug).query(Long.class).optional();
    }

    public List<String> workspaceSlugs() {
        return jdbc.sql("SELECT slug FROM workspace ORDER BY slug").query(String.class).list();
    }

    public long create(Long workspaceId, String fileName, String sha256, String format, boolean dryRun,
                       long jobExecutionId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        template.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO import_run (workspace_id, file_name, file_sha256, format, dry_run, status, job_execution_id, started_at)
                    VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            if (workspaceId == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, workspaceId);
            }
            ps.setString(2, cut(fileName, 500));
            ps.setString(3, sha256);
            ps.setString(4, format);
            ps.setBoolean(5, dryRun);
            ps.setLong(6, jobExecutionId);
            ps.setString(7, SqlTime.utc(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void attachExecution(long runId, long jobExecutionId) {
        jdbc.sql("UPDATE import_run SET job_execution_id = ?, status = 'RUNNING' WHERE id = ?").params(jobExecutionId, runId).update();
    }

    public void saveHeader(long runId, List<String> header) {
        jdbc.sql("UPDATE import_run SET header_row = ? WHERE id = ?").params(header == null ? null : LINE.format(header.toArray()), runId).update();
    }

    public void refuseFile(long runId, String reason, Instant now) {
        jdbc.sql("UPDATE import_run SET status = 'FAILED', file_error = ?, finished_at = ? WHERE id = ?")
                .params(cut(reason, 1000), SqlTime.utc(now), runId).update();
    }

    public void finish(long runId, String status, int read, int created, int updated, int unchanged, int rejected,
                       int ignored, Instant now) {
        jdbc.sql("""
                        UPDATE import_run SET status = ?, rows_read = ?, rows_created = ?, rows_updated = ?, rows_unchanged = ?,
                               rows_rejected = ?, rows_ignored = ?, finished_at = ?,
                               rows_warned = (SELECT COUNT(DISTINCT e.line_number) FROM import_row_error e
                                              WHERE e.import_run_id = ? AND e.severity = 'WARNING')
                        WHERE id = ?""")
                .params(status, read, created, updated, unchanged, rejected, ignored, SqlTime.utc(now), runId, runId).update();
    }

    public void addProblems(long runId, List<RowProblem> problems, List<String> cells) {
        if (problems.isEmpty()) {
            return;
        }
        String raw = cells == null ? null : LINE.format(cells.toArray());
        template.batchUpdate("""
                        INSERT INTO import_row_error (import_run_id, line_number, field, error_code, message, raw_value, severity, raw_row)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", problems, problems.size(), (ps, p) -> {
            ps.setLong(1, runId);
            ps.setLong(2, p.line());
            ps.setString(3, cut(p.column(), 64));
            ps.setString(4, p.code());
            ps.setString(5, cut(p.reason(), 1000));
            ps.setString(6, cut(p.value(), 500));
            ps.setString(7, p.severity().name());
            ps.setString(8, raw == null || raw.length() > 60_000 ? cut(raw, 60_000) : raw);
        });
    }

    public Optional<ImportRun> find(long runId) {
        return jdbc.sql("SELECT * FROM import_run WHERE id = ?").param(runId)
                .query((rs, n) -> new ImportRun(rs.getLong("id"), (Long) rs.getObject("workspace_id", Long.class),
                        rs.getString("file_name"), rs.getString("format"), rs.getBoolean("dry_run"), rs.getString("status"),
                        rs.getInt("rows_read"), rs.getInt("rows_created"), rs.getInt("rows_updated"), rs.getInt("rows_unchanged"),
                        rs.getInt("rows_rejected"), rs.getInt("rows_ignored"), rs.getInt("rows_warned"),
                        rs.getString("header_row"), rs.getString("file_error"), (Long) rs.getObject("job_execution_id", Long.class)))
                .optional();
    }

    /** The latest unfinished run of the same file content, whose job execution can be resumed. */
    public Optional<ImportRun> unfinished(String fileName, String sha256, String format, boolean dryRun) {
        return jdbc.sql("""
                        SELECT id FROM import_run WHERE file_name = ? AND file_sha256 = ? AND format = ? AND dry_run = ?
                          AND status = 'RUNNING' AND job_execution_id IS NOT NULL ORDER BY id DESC LIMIT 1""")
                .params(cut(fileName, 500), sha256, format, dryRun).query(Long.class).optional().flatMap(this::find);
    }

    public void forEachProblem(long runId, Consumer<ErrorRow> consumer) {
        template.query("""
                        SELECT line_number, field, severity, error_code, message, raw_value, raw_row
                        FROM import_row_error WHERE import_run_id = ? ORDER BY line_number, id""",
                rs -> {
                    consumer.accept(new ErrorRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }, runId);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
