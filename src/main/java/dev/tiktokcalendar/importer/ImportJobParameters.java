package dev.tiktokcalendar.importer;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The parameters of {@code importCalendarJob} when a command launches it. Without {@link #FILE} (as the
 * scheduler launches it) the job imports the oldest file of the inbox instead.
 */
public final class ImportJobParameters {

    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String FORMAT = "format";
    public static final String WORKSPACE = "workspace";
    public static final String ACCOUNT = "account";
    public static final String TIMEZONE = "timezone";
    public static final String PRIVACY = "privacy";
    public static final String DATE_ORDER = "dateOrder";
    public static final String DRY_RUN = "dryRun";
    public static final String REQUESTED_AT = "requestedAt";

    private ImportJobParameters() {
    }

    /** A new job instance for each request: the same file may be imported again (and is then unchanged). */
    public static JobParameters of(Path file, String sha256, CalendarFormat format, String workspace, ImportDefaults defaults,
                                   boolean dryRun, Instant requestedAt) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(FILE, file.toAbsolutePath().normalize().toString())
                .addString(FORMAT, format.id())
                .addString(DRY_RUN, Boolean.toString(dryRun))
                .addString(DATE_ORDER, defaults.dayFirst() ? "dmy" : "mdy")
                .addLong(REQUESTED_AT, requestedAt.toEpochMilli());
        if (sha256 != null) {
            builder.addString(SHA256, sha256);
        }
        addIfSet(builder, WORKSPACE, workspace);
        addIfSet(builder, ACCOUNT, defaults.account());
        addIfSet(builder, TIMEZONE, defaults.timezone());
        addIfSet(builder, PRIVACY, defaults.privacy());
        return builder.toJobParameters();
    }

    private static void addIfSet(JobParametersBuilder builder, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.addString(name, value);
        }
    }
}
