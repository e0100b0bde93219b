package dev.tiktokcalendar.importer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Row values bound to the parameters of a (multi-row) prepared statement, one after the other. */
final class BoundRowValues implements RowValues {

    private final PreparedStatement statement;
    private int next = 1;

    BoundRowValues(PreparedStatement statement) {
        this.statement = statement;
    }

    @Override
    public BoundRowValues text(String value) throws SQLException {
        statement.setString(next++, value);
        return this;
    }

    @Override
    public BoundRowValues number(long value) throws SQLException {
        statement.setLong(next++, value);
        return this;
    }

    @Override
    public BoundRowValues number(Number value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.BIGINT);
        } else {
            statement.setLong(next++, value.longValue());
        }
        return this;
    }

    @Override
    public BoundRowValues flag(boolean value) throws SQLException {
        statement.setBoolean(next++, value);
        return this;
    }

    @Override
    public BoundRowValues flag(Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.BOOLEAN);
        } else {
            statement.setBoolean(next++, value);
        }
        return this;
    }
}
