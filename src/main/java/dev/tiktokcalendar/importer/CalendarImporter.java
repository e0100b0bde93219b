package dev.tiktokcalendar.importer;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Runs {@code importCalendarJob} for one file, or resumes the interrupted run of the same file (same content,
 * format and dry-run flag): a failed execution is restarted from its last committed chunk; one left
 * {@code STARTED} by a killed process is first marked failed when the caller says it is safe ({@code resume}).
 */
@Component
public class CalendarImporter {

    /** The import run and the job execution that handled it. */
    public record Outcome(ImportRunRepository.ImportRun run, JobExecution execution, boolean resumed) {

        public boolean interrupted() {
            return execution.getStatus() != BatchStatus.COMPLETED;
        }

        /** 0 every row accepted, 1 rows refused, 2 file refused (or the import was interrupted). */
        public int exitCode() {
            if (interrupted() || run.fileError() != null) {
                return 2;
            }
            return run.rowsRejected() > 0 ? 1 : 0;
        }
    }

    /** A run of the same file is still marked running; only the caller knows if its process is gone. */
    public static class StillRunningException extends Exception {
        public StillRunningException(String message) {
            super(message);
        }
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job importCalendarJob;
    private final ImportRunRepository runs;
    private final Clock clock;

    public CalendarImporter(JobOperator jobOperator, JobRepository jobRepository,
                            @Qualifier(ImportCalendarJobConfiguration.JOB_NAME) Job importCalendarJob,
                            ImportRunRepository runs, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.importCalendarJob = importCalendarJob;
        this.runs = runs;
        this.clock = clock;
    }

    public Outcome importFile(Path file, CalendarFormat format, String workspace, ImportDefaults defaults, boolean dryRun,
                              boolean resume) throws Exception {
        Path absolute = file.toAbsolutePath().normalize();
        String sha256 = sha256(absolute);
        Optional<ImportRunRepository.ImportRun> unfinished = runs.unfinished(absolute.toString(), sha256, format.id(), dryRun);
        if (unfinished.isPresent()) {
            JobExecution previous = jobRepository.getJobExecution(unfinished.get().jobExecutionId());
            if (previous != null && previous.getStatus().isRunning()) {
                if (!resume) {
                    throw new StillRunningException("import run " + unfinished.get().id() + " of this file (job execution "
                            + previous.getId() + ") is still marked " + previous.getStatus() + "; if no other import is "
                            + "running, resume it with --resume");
                }
                previous = jobOperator.recover(previous);
            }
            if (previous != null && (previous.getStatus() == BatchStatus.FAILED || previous.getStatus() == BatchStatus.STOPPED)) {
                JobExecution restarted = jobOperator.restart(previous);
                runs.attachExecution(unfinished.get().id(), restarted.getId());
                return new Outcome(runs.find(unfinished.get().id()).orElseThrow(), restarted, true);
            }
        }
        JobExecution execution = jobOperator.start(importCalendarJob,
                ImportJobParameters.of(absolute, sha256, format, workspace, defaults, dryRun, clock.instant()));
        if (!ImportRequest.isIn(execution.getExecutionContext())) {
            throw new IllegalStateException("the import job failed before it recorded the run: "
                    + execution.getExitStatus().getExitDescription());
        }
        long runId = ImportRequest.from(execution.getExecutionContext()).runId();
        return new Outcome(runs.find(runId).orElseThrow(), execution, false);
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
