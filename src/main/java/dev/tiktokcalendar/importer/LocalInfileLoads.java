package dev.tiktokcalendar.importer;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/**
 * New rows sent with {@code LOAD DATA LOCAL INFILE} from memory, one statement per table and chunk: the server's
 * bulk path: a chunk's multi-row {@code INSERT} took 2.6–2.8× as long as {@code LOAD DATA} of the same rows
 * (bench/RESULTS.md, import profile).
 * The driver reads local files only for this statement and only the import's own rows: the connection announces
 * the capability ({@link LocalInfileSupport}), but {@code allowLoadLocalInfile} is on just while the statement
 * runs, with the rows as its input stream, so whatever file name a server asks for, it gets these rows.
 * <p>
 * {@code LOCAL} makes the server skip a row it cannot take (duplicate key, missing parent, truncated value) with
 * a warning instead of an error; a load that does not write every row without a warning throws, and the chunk
 * rolls back like a failed {@code INSERT}. A bulk insert holds the table's AUTO-INC lock to its end with
 * {@code innodb_autoinc_lock_mode} ≤ 1, so the ids follow from {@code LAST_INSERT_ID()} then.
 */
final class LocalInfileLoads implements NewRows {

    private final JdbcTemplate jdbc;
    private final boolean consecutiveIds;

    LocalInfileLoads(JdbcTemplate jdbc, boolean consecutiveIds) {
        this.jdbc = jdbc;
        this.consecutiveIds = consecutiveIds;
    }

    @Override
    public <T> long[] insert(Table table, List<T> rows, Renderer<T> renderer) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        return jdbc.execute((ConnectionCallback<long[]>) connection -> {
            TsvRows text = new TsvRows(256 * rows.size());
            for (T row : rows) {
                renderer.render(row, text);
                text.endRow();
            }
            RuntimeProperty<Boolean> allowLocalFiles = connection.unwrap(JdbcConnection.class).getPropertySet()
                    .getBooleanProperty(PropertyKey.allowLoadLocalInfile);
            boolean allowedBefore = allowLocalFiles.getValue();
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(text.utf8()));
                allowLocalFiles.setValue(true);
                int loaded = statement.executeUpdate("LOAD DATA LOCAL INFILE 'calendar-import-rows' INTO TABLE " + table.name()
                        + " " + TsvRows.FORMAT + " (" + table.columnList() + ")");
                SQLWarning warnings = statement.getWarnings();
                if (loaded != rows.size() || warnings != null) {
                    throw new RowsRefusedException("LOAD DATA wrote " + loaded + " of " + rows.size() + " rows into "
                            + table.name() + (warnings == null ? "" : ": " + warnings.getMessage()));
                }
            } finally {
                allowLocalFiles.setValue(allowedBefore);
            }
            if (!consecutiveIds) {
                return null;
            }
            // not the driver's last insert id: after LOAD DATA it is not the first row's (tried)
            try (Statement statement = connection.createStatement();
                 ResultSet first = statement.executeQuery("SELECT LAST_INSERT_ID(), @@auto_increment_increment")) {
                first.next();
                long id = first.getLong(1);
                long step = first.getLong(2);
                long[] ids = new long[rows.size()];
                for (int n = 0; n < ids.length; n++) {
                    ids[n] = id + n * step;
                }
                return ids;
            }
        });
    }
}
