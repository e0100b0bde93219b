package dev.tiktokcalendar.jobs.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;

/**
 * A publish run ends when the inits of the posts already due have gone out and the uploads started have ended, so a
 * run (and {@code jobs run}) reports posts that are in reconciliation's hands, and a node never starts its next run
 * with the last one's uploads still queued. Posts prepared for a later instant do not hold the run: they go out at
 * their time from the {@link InitDispatcher}, while the next runs prepare the posts after them.
 */
class DueInitsAndUploadsEndWithTheStep implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DueInitsAndUploadsEndWithTheStep.class);

    private final InitDispatcher dispatcher;
    private final MediaUploads uploads;
    private final Duration patience;

    DueInitsAndUploadsEndWithTheStep(InitDispatcher dispatcher, MediaUploads uploads, Duration patience) {
        this.dispatcher = dispatcher;
        this.uploads = uploads;
        this.patience = patience;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            while (!dispatcher.awaitSentDueNow(patience)) {
                log.info("inits of due posts still going out; the publish run ends when they have");
            }
            while (!uploads.awaitIdle(patience)) {
                log.info("{} upload(s) still streaming; the publish run ends when they have", uploads.unfinished());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stepExecution.getExitStatus();
    }
}
