package dev.tiktokcalendar.jobs.report;

/** Neutralises CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"). */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** A cell starting with {@code = + - @}, tab or carriage return gets a leading apostrophe. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
