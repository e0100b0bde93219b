package dev.tiktokcalendar.importer;

import java.nio.charset.StandardCharsets;

/**
 * Rows as the text {@code LOAD DATA} reads with {@code FIELDS TERMINATED BY X'09' ESCAPED BY X'5C' LINES
 * TERMINATED BY X'0A'} (no enclosing quotes): fields separated by tabs, one row per line, {@code \N} for NULL,
 * and a backslash before each backslash, tab, line break, carriage return and NUL inside a value.
 */
final class TsvRows implements RowValues {

    /** The clauses that read this text, for the statement. */
    static final String FORMAT = "CHARACTER SET utf8mb4 FIELDS TERMINATED BY X'09' ESCAPED BY X'5C' LINES TERMINATED BY X'0A'";

    private final StringBuilder text;
    private boolean inRow;
    private int rows;

    /** {@code capacity}: characters to make room for at first. */
    TsvRows(int capacity) {
        text = new StringBuilder(capacity);
    }

    private StringBuilder field() {
        if (inRow) {
            text.append('\t');
        }
        inRow = true;
        return text;
    }

    @Override
    public TsvRows text(String value) {
        if (value == null) {
            field().append("\\N");
            return this;
        }
        StringBuilder out = field();
        int plain = plainPrefix(value);
        if (plain == value.length()) {
            out.append(value);
            return this;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return this;
    }

    /** How many leading characters need no escape (almost always all: appended at once). */
    private static int plainPrefix(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                return i;
            }
        }
        return value.length();
    }

    @Override
    public TsvRows number(long value) {
        field().append(value);
        return this;
    }

    @Override
    public TsvRows number(Number value) {
        return value == null ? text(null) : number(value.longValue());
    }

    @Override
    public TsvRows flag(boolean value) {
        field().append(value ? '1' : '0');
        return this;
    }

    @Override
    public TsvRows flag(Boolean value) {
        return value == null ? text(null) : flag(value.booleanValue());
    }

    /** Fields rendered before by another {@code TsvRows} ({@link #row}). */
    TsvRows fields(String rendered) {
        field().append(rendered);
        return this;
    }

    /** The fields of the row begun, without its end. */
    String row() {
        return text.toString();
    }

    void endRow() {
        text.append('\n');
        inRow = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    byte[] utf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
