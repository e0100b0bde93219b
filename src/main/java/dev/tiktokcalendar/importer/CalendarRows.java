package dev.tiktokcalendar.importer;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.List;

/**
 * Streams the data rows of a calendar file (checked whole by the step before) as {@link CalendarRow}s. Its
 * restart state is the number of rows handed out, saved under its name at each chunk commit; a restarted
 * step reads past that many rows and carries on with the next uncommitted one.
 */
public class CalendarRowReader extends AbstractItemCountingItemStreamItemReader<CalendarRow> {

    private final ImportRequest request;
    private CalendarCsv csv;
    private CalendarFormat.Layout layout;

    public CalendarRowReader(ImportRequest request) {
        this.request = request;
    }

    @Override
    protected void doOpen() throws Exception {
        csv = new CalendarCsv(request.file());
        CalendarCsv.Line first = csv.next();
        if (first == null) {
            throw new CalendarFileException(0, "is empty");
        }
        layout = request.format().layout(first.cells(), request.defaults());
        if (!request.format().hasHeader()) {
            pending = first;
        }
    }

    private CalendarCsv.Line pending;

    @Override
    protected CalendarRow doRead() throws Exception {
        CalendarCsv.Line line = pending != null ? pending : csv.next();
        pending = null;
        return line == null ? null : layout.toRow(line);
    }

    /** The header row of the file, or null for formats without one. */
    List<String> header() {
        return layout.header();
    }

    @Override
    protected void doClose() throws Exception {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}
