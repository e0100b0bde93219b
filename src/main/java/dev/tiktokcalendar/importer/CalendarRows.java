package dev.tiktokcalendar.importer;

import java.io.Closeable;
import java.io.IOException;

/**
 * The data rows of a calendar file in file order, mapped onto the native {@link Field}s by the layout its
 * header (or, for formats without one, its first row) fixes. The file was checked whole before.
 */
final class CalendarRows implements Closeable {

    private final CalendarCsv csv;
    private final CalendarFormat.Layout layout;
    private CalendarCsv.Line pending;

    private CalendarRows(CalendarCsv csv, CalendarFormat.Layout layout, CalendarCsv.Line pending) {
        this.csv = csv;
        this.layout = layout;
        this.pending = pending;
    }

    static CalendarRows open(ImportRequest request) throws IOException {
        CalendarCsv csv = new CalendarCsv(request.file());
        try {
            CalendarCsv.Line first = csv.next();
            if (first == null) {
                throw new CalendarFileException(0, "is empty");
            }
            CalendarFormat.Layout layout = request.format().layout(first.cells(), request.defaults());
            return new CalendarRows(csv, layout, request.format().hasHeader() ? null : first);
        } catch (IOException | RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    /** The next data row, or null at the end of the file. */
    CalendarRow next() throws IOException {
        CalendarCsv.Line line = pending != null ? pending : csv.next();
        pending = null;
        return line == null ? null : layout.toRow(line);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
