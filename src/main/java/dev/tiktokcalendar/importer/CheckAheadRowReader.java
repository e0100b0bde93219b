package dev.tiktokcalendar.importer;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.UnaryOperator;

/**
 * Hands the step the rows of a calendar file already checked: a thread of its own parses and checks the rows
 * ahead, in file order, while the step writes the previous chunk, so the checks cost no wall time as long as
 * they are faster than the writes. The step still sees one single-threaded reader whose restart state is the
 * number of rows handed out (saved under its name with each chunk commit, never the rows checked ahead). A
 * restarted step reads past that many rows; they go through the checks again, so the in-file duplicate check
 * knows every key of the file as in an uninterrupted run.
 */
public class CheckAheadRowReader extends AbstractItemCountingItemStreamItemReader<CheckedRow> {

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private final ImportRequest request;
    private final CalendarRowValidator validator;
    private final UnaryOperator<PostDraft> prepare;
    private final int rowsAhead;
    private BlockingQueue<Object> checked;
    private Thread checker;
    private boolean ended;

    /**
     * {@code rowsAhead}: how many checked rows may wait for the step (about a chunk: they are held in memory);
     * {@code prepare}: more work on an accepted row for this thread to do ahead of the writer.
     */
    public CheckAheadRowReader(ImportRequest request, CalendarRowValidator validator, UnaryOperator<PostDraft> prepare,
                               int rowsAhead) {
        this.request = request;
        this.validator = validator;
        this.prepare = prepare;
        this.rowsAhead = Math.max(1, rowsAhead);
    }

    @Override
    protected void doOpen() throws Exception {
        CalendarRows rows = CalendarRows.open(request);
        checked = new ArrayBlockingQueue<>(rowsAhead);
        ended = false;
        checker = new Thread(() -> checkAhead(rows, checked), "calendar-check-" + request.runId());
        checker.setDaemon(true);
        checker.start();
    }

    private void checkAhead(CalendarRows rows, BlockingQueue<Object> out) {
        try (rows) {
            for (CalendarRow row = rows.next(); row != null; row = rows.next()) {
                out.put(check(row));
            }
            out.put(END);
        } catch (InterruptedException e) {
            // the reader was closed: nobody waits for more rows
        } catch (Throwable e) {
            try {
                out.put(new Failure(e));
            } catch (InterruptedException closed) {
                // the reader was closed meanwhile
            }
        }
    }

    private CheckedRow check(CalendarRow row) {
        if (row.ignored() != null) {
            return CheckedRow.ignored(row);
        }
        try {
            return new CheckedRow(row, prepare.apply(validator.validate(row)), null);
        } catch (RowRejectedException rejected) {
            return new CheckedRow(row, null, rejected);
        }
    }

    @Override
    protected CheckedRow doRead() throws Exception {
        if (ended) {
            return null;
        }
        Object next = checked.take();
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Failure failure) {
            ended = true;
            if (failure.cause() instanceof Exception e) {
                throw e;
            }
            if (failure.cause() instanceof Error e) {
                throw e;
            }
            throw new IOException(failure.cause());
        }
        return (CheckedRow) next;
    }

    @Override
    protected void doClose() throws Exception {
        if (checker != null) {
            checker.interrupt();
            checker.join();
            checker = null;
            checked = null;
        }
    }
}
