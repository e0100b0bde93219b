package dev.tiktokcalendar.importer;

/**
 * One finding about one row of a calendar file: where (line, column as named in the file), what (a stable
 * code) and why (a sentence for the editor). Errors refuse the row; warnings keep it.
 */
public record RowProblem(long line, String column, Severity severity, String code, String reason, String value) {

    public enum Severity { ERROR, WARNING }

    private static final int SHOWN_VALUE_CHARS = 60;

    public static RowProblem error(long line, String column, String code, String reason, String value) {
        return new RowProblem(line, column, Severity.ERROR, code, reason, value);
    }

    public static RowProblem warning(long line, String column, String code, String reason, String value) {
        return new RowProblem(line, column, Severity.WARNING, code, reason, value);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: column: reason}, the form printed to the editor. */
    public String describe(String fileName) {
        return fileName + ":" + line + ": " + (column == null ? "" : column + ": ")
                + (severity == Severity.WARNING ? "warning: " : "") + reason;
    }

    /** A value as shown inside a message: quoted, cut to a readable length. */
    public static String shown(String value) {
        if (value == null) {
            return "''";
        }
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= SHOWN_VALUE_CHARS
                ? "'" + oneLine + "'"
                : "'" + oneLine.substring(0, SHOWN_VALUE_CHARS) + "…' (" + value.length() + " characters)";
    }
}
