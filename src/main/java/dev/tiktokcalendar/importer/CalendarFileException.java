package dev.tiktokcalendar.importer;

import java.io.IOException;

/**
 * The whole file is refused before anything is written: not a CSV, not UTF-8, broken quoting, a missing
 * required column. The message names the line where known and says how to fix the file.
 */
public class CalendarFileException extends IOException {

    private final long line;

    public CalendarFileException(long line, String reason) {
        super(reason);
        this.line = line;
    }

    /** The line the problem was found on, or 0 when it concerns the file as a whole. */
    public long line() {
        return line;
    }

    public String describe(String fileName) {
        return fileName + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
