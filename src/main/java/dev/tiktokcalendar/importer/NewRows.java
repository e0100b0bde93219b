package dev.tiktokcalendar.importer;

import java.sql.SQLException;
import java.util.List;
import java.util.function.ToIntFunction;

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

        private final long written;

        RowsRefusedException(String message, long written) {
            super(message);
            this.written = written;
        }

        /** How many of the rows the server wrote all the same. */
        long written() {
            return written;
        }
    }

    /** Gives the column values of one row. */
    @FunctionalInterface
    interface Renderer<T> {
        void render(T row, RowValues values) throws SQLException;
    }

    /** Where the auto-increment ids of the rows an insert wrote are known. */
    sealed interface Written {

        /** By the client, in row order. */
        record Ids(long[] ids) implements Written {
        }

        /**
         * Only by the server: the n-th row has {@code LAST_INSERT_ID() + n * @@auto_increment_increment}, until the
         * connection's next statement that generates ids.
         */
        record FollowingLastInsertId() implements Written {
        }

        /** By neither: the rows must be looked up (see {@link ConsecutiveInsertIds}). */
        record Unknown() implements Written {
        }
    }

    /**
     * Writes the rows. Throws {@link RowsRefusedException} or Spring's {@code DuplicateKeyException} when the server
     * does not take every row: the rows written before may stay.
     */
    <T> Written insert(Table table, List<T> rows, Renderer<T> renderer);

    /**
     * Writes rows that each belong to a row of {@code parents}, the result of this connection's last
     * {@link #insert}: the table's first column is the parent's id, {@code parent} gives the parent's position
     * among those rows and {@code renderer} the other columns. {@code parents} are {@link Written.Ids}, or
     * {@link Written.FollowingLastInsertId} where this way returns it.
     */
    <T> void insertChildren(Table table, Written parents, List<T> rows, ToIntFunction<T> parent, Renderer<T> renderer);

    /**
     * Whether the rows a refused {@link #insert} wrote are exactly the table's rows from {@code LAST_INSERT_ID()} on
     * that the import wrote, so that deleting them undoes it without a savepoint.
     */
    boolean refusedRowsFollowLastInsertId();
}
