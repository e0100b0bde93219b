package dev.tiktokcalendar.importer;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * New rows as multi-row {@code INSERT} statements of a few fixed sizes ({@link RowBlocks}), so the driver parses
 * each statement text once per connection. The ids come from the generated keys when they are consecutive.
 */
final class MultiRowInserts implements NewRows {

    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;
    private final boolean consecutiveIds;

    MultiRowInserts(JdbcTemplate jdbc, boolean consecutiveIds) {
        this.jdbc = jdbc;
        this.consecutiveIds = consecutiveIds;
    }

    @Override
    public <T> Written insert(Table table, List<T> rows, Renderer<T> renderer) {
        long[] ids = insertBlocks(table, rows, renderer);
        return consecutiveIds ? new Written.Ids(ids) : new Written.Unknown();
    }

    @Override
    public <T> void insertChildren(Table table, Written parents, List<T> rows, ToIntFunction<T> parent, Renderer<T> renderer) {
        if (!(parents instanceof Written.Ids known)) {
            throw new IllegalArgumentException("the ids of the parent rows are not known: " + parents);
        }
        long[] ids = known.ids();
        insertBlocks(table, rows, (row, values) -> {
            values.number(ids[parent.applyAsInt(row)]);
            renderer.render(row, values);
        });
    }

    /** A duplicate key fails one block after the ones before it were written. */
    @Override
    public boolean refusedRowsFollowLastInsertId() {
        return false;
    }

    private <T> long[] insertBlocks(Table table, List<T> rows, Renderer<T> renderer) {
        long[] ids = new long[rows.size()];
        int from = 0;
        for (int size : RowBlocks.of(rows.size())) {
            List<T> block = rows.subList(from, from + size);
            String sql = STATEMENTS.computeIfAbsent(table.name() + ":" + size, key -> "INSERT INTO " + table.name() + " ("
                    + table.columnList() + ") VALUES " + String.join(", ", Collections.nCopies(size,
                    "(" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")")));
            long[] blockIds = jdbc.execute(connection -> connection.prepareStatement(sql, consecutiveIds
                    ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS), (PreparedStatement ps) -> {
                RowValues values = new BoundRowValues(ps);
                for (T row : block) {
                    renderer.render(row, values);
                }
                ps.executeUpdate();
                return consecutiveIds ? generatedIds(ps, size) : null;
            });
            if (blockIds != null) {
                System.arraycopy(blockIds, 0, ids, from, size);
            }
            from += size;
        }
        return ids;
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
}
