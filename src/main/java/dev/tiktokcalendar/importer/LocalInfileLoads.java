package dev.tiktokcalendar.importer;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.function.ToIntFunction;

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
 * {@code innodb_autoinc_lock_mode} ≤ 1, so the rows of a complete load have consecutive ids from
 * {@code LAST_INSERT_ID()} on. The client never asks for that id (a round trip per chunk): child rows name their
 * parent by its position in the load, and the server adds {@code LAST_INSERT_ID()} while it loads them. (The
 * driver's own last insert id is no substitute: after {@code LOAD DATA} it is not the first row's.)
 */
final class LocalInfileLoads implements NewRows {

    private static final String PARENT_POSITION = "@parent_position";
    /** A packet of the rows sent, header included: a quarter of G1's 1 MB regions at this heap size. */
    private static final int LOAD_PACKET_BYTES = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final boolean consecutiveIds;

    LocalInfileLoads(JdbcTemplate jdbc, boolean consecutiveIds) {
        this.jdbc = jdbc;
        this.consecutiveIds = consecutiveIds;
    }

    @Override
    public <T> Written insert(Table table, List<T> rows, Renderer<T> renderer) {
        load(table, table.columnList(), "", rows, renderer);
        return consecutiveIds ? new Written.FollowingLastInsertId() : new Written.Unknown();
    }

    @Override
    public <T> void insertChildren(Table table, Written parents, List<T> rows, ToIntFunction<T> parent, Renderer<T> renderer) {
        List<String> otherColumns = table.columns().subList(1, table.columns().size());
        String parentColumn = table.columns().get(0);
        if (parents instanceof Written.Ids known) {
            long[] ids = known.ids();
            load(table, table.columnList(), "", rows, (row, values) -> {
                values.number(ids[parent.applyAsInt(row)]);
                renderer.render(row, values);
            });
        } else if (parents instanceof Written.FollowingLastInsertId) {
            // LAST_INSERT_ID() stays the parents' first id while this statement runs, whatever ids it generates
            load(table, PARENT_POSITION + ", " + String.join(", ", otherColumns),
                    " SET " + parentColumn + " = LAST_INSERT_ID() + " + PARENT_POSITION + " * @@auto_increment_increment",
                    rows, (row, values) -> {
                        values.number(parent.applyAsInt(row));
                        renderer.render(row, values);
                    });
        } else {
            throw new IllegalArgumentException("the ids of the parent rows are not known: " + parents);
        }
    }

    @Override
    public boolean refusedRowsFollowLastInsertId() {
        return consecutiveIds;
    }

    private <T> void load(Table table, String columns, String set, List<T> rows, Renderer<T> renderer) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            TsvRows text = new TsvRows(TsvRows.PIECE_CHARS + 4096);
            for (T row : rows) {
                renderer.render(row, text);
                text.endRow();
            }
            PropertySet driver = connection.unwrap(JdbcConnection.class).getPropertySet();
            RuntimeProperty<Boolean> allowLocalFiles = driver.getBooleanProperty(PropertyKey.allowLoadLocalInfile);
            RuntimeProperty<Integer> maxPacket = driver.getIntegerProperty(PropertyKey.maxAllowedPacket);
            boolean allowedBefore = allowLocalFiles.getValue();
            int maxPacketBefore = maxPacket.getValue();
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(text.utf8());
                allowLocalFiles.setValue(true);
                // the driver reads the rows through a new buffer of up to a packet (1 MB) per load: a smaller
                // packet keeps it below G1's humongous size (see TsvRows); the statement text is far smaller
                maxPacket.setValue(Math.min(maxPacketBefore, LOAD_PACKET_BYTES));
                long loaded = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE 'calendar-import-rows' INTO TABLE "
                        + table.name() + " " + TsvRows.FORMAT + " (" + columns + ")" + set);
                SQLWarning warnings = statement.getWarnings();
                if (loaded != rows.size() || warnings != null) {
                    throw new RowsRefusedException("LOAD DATA wrote " + loaded + " of " + rows.size() + " rows into "
                            + table.name() + (warnings == null ? "" : ": " + warnings.getMessage()), loaded);
                }
            } finally {
                allowLocalFiles.setValue(allowedBefore);
                maxPacket.setValue(maxPacketBefore);
            }
            return null;
        });
    }
}
