package dev.tiktokcalendar.jobs.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;

/**
 * A publish run ends when the uploads it started have, so a run (and {@code jobs run}) reports posts that are in
 * reconciliation's hands, and a node never starts its next run with the last one's uploads still queued.
 */
class UploadsEndWithTheStep implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(UploadsEndWithTheStep.class);

    private final MediaUploads uploads;
    private final Duration patience;

    UploadsEndWithTheStep(MediaUploads uploads, Duration patience) {
        this.uploads = uploads;
        this.patience = patience;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            while (!uploads.awaitIdle(patience)) {
                log.info("{} upload(s) still streaming; the publish run ends when they have", uploads.unfinished());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stepExecution.getExitStatus();
    }
}
