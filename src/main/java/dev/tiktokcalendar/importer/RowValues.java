package dev.tiktokcalendar.importer;

import java.sql.SQLException;

/** Where the column values of one row go, in column order: a prepared statement's parameters or LOAD DATA text. */
interface RowValues {

    RowValues text(String value) throws SQLException;

    RowValues number(long value) throws SQLException;

    /** A whole number; {@code null} is SQL NULL. */
    RowValues number(Number value) throws SQLException;

    RowValues flag(boolean value) throws SQLException;

    /** {@code null} is SQL NULL. */
    RowValues flag(Boolean value) throws SQLException;
}
