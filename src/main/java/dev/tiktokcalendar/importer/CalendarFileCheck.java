package dev.tiktokcalendar.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The file-level checks, run over the whole file before any row is written: it is a readable regular file,
 * valid UTF-8, RFC 4180 CSV to its end, with a header the format accepts and at least one data row.
 */
public final class CalendarFileCheck {

    private CalendarFileCheck() {
    }

    /** Returns the header row (null for formats without one), or throws what is wrong with the file. */
    public static List<String> check(Path file, CalendarFormat format, ImportDefaults defaults) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CalendarFileException(0, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new CalendarFileException(0, "is not readable");
        }
        try (CalendarCsv csv = new CalendarCsv(file)) {
            CalendarCsv.Line first = csv.next();
            if (first == null) {
                throw new CalendarFileException(0, format.hasHeader()
                        ? "is empty: expected a header row and calendar rows" : "is empty: expected calendar rows");
            }
            CalendarFormat.Layout layout = format.layout(first.cells(), defaults);
            long rows = format.hasHeader() ? 0 : 1;
            while (csv.next() != null) {
                rows++;
            }
            if (rows == 0) {
                throw new CalendarFileException(0, "has a header row but no calendar rows");
            }
            return layout.header();
        }
    }
}
