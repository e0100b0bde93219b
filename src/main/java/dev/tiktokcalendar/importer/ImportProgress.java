package dev.tiktokcalendar.importer;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * The progress line of {@code import} on a terminal: rows, rows/s, errors, redrawn after each chunk at most
 * twice a second. Silent unless a command {@link #showOn shows it}.
 */
@Component
public class ImportProgress implements ChunkListener<Object, Object> {

    private final Clock clock;
    private volatile PrintWriter out;
    private long lastDrawn;

    public ImportProgress(Clock clock) {
        this.clock = clock;
    }

    public void showOn(PrintWriter terminal) {
        this.out = terminal;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        PrintWriter terminal = out;
        if (terminal == null || StepSynchronizationManager.getContext() == null) {
            return;
        }
        long now = clock.millis();
        if (now - lastDrawn < 500) {
            return;
        }
        lastDrawn = now;
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        long read = step.getReadCount();
        double seconds = Math.max(0.001, (now - step.getStartTime().atZone(java.time.ZoneId.systemDefault())
                .toInstant().toEpochMilli()) / 1000.0);
        terminal.printf("\r  %,d rows  %,.0f rows/s  %,d rejected   ", read, read / seconds,
                step.getProcessSkipCount() + CalendarPostWriter.counter(step.getExecutionContext(), "refused"));
        terminal.flush();
    }

    /** Ends the progress line. */
    public void done() {
        PrintWriter terminal = out;
        if (terminal != null && lastDrawn > 0) {
            terminal.println();
        }
    }
}
