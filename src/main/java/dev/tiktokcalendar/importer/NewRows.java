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

    /** The server did not take every row (a duplicate key, a missing parent row, a value it had to cut). */
    class RowsRefusedException extends RuntimeException {
        RowsRefusedException(String message) {
            super(message);
        }
    }

    /** Gives the column values of one row. */
    @FunctionalInterface
    interface Renderer<T> {
        void render(T row, RowValues values) throws SQLException;
    }

    /**
     * Writes the rows; returns their auto-increment ids in row order, or null when the ids cannot be known
     * without a look-up (see {@link ConsecutiveInsertIds}). Throws {@link RowsRefusedException} or Spring's
     * {@code DuplicateKeyException} when the server does not take every row: the rows written before may stay.
     */
    <T> long[] insert(Table table, List<T> rows, Renderer<T> renderer);
}
