package dev.tiktokcalendar.importer;

import java.sql.SQLException;
import java.util.List;

/** How the import writes new rows into a table, within the chunk's transaction. */
interface NewRows {

    /** A table and the columns each row gives, in order. */
    record Table(String name, List<String> columns) {

        String columnList() {
            return String.join(", ", columns);
        }
    }

    /** Gives the column values of one row. */
    @FunctionalInterface
    interface Renderer<T> {
        void render(T row, RowValues values) throws SQLException;
    }

    /**
     * Writes the rows; returns their auto-increment ids in row order, or null when the ids cannot be known
     * without a look-up (see {@link ConsecutiveInsertIds}).
     */
    <T> long[] insert(Table table, List<T> rows, Renderer<T> renderer);
}
