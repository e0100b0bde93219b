package dev.tiktokcalendar.jobs.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What one run of {@code reconciliationReportJob} reports: the local {@code date} in {@code zone}, all
 * workspaces or one, written under {@code outputDir}. The date comes from the {@code date} job parameter, else
 * the day before the Quartz tick's scheduled fire time, else the day before now.
 */
public record ReportRequest(LocalDate date, ZoneId zone, String workspace, Path outputDir) {

    public static final String DATE = "date";
    public static final String WORKSPACE = "workspace";
    public static final String OUTPUT_DIR = "outputDir";

    static ReportRequest resolve(String date, Long scheduledFireTime, String workspace, String outputDir,
                                 ReportProperties properties, Clock clock) {
        ZoneId zone = properties.zone();
        LocalDate day;
        if (date != null && !date.isBlank()) {
            day = LocalDate.parse(date);
        } else {
            Instant reference = scheduledFireTime != null ? Instant.ofEpochMilli(scheduledFireTime) : clock.instant();
            day = reference.atZone(zone).toLocalDate().minusDays(1);
        }
        Path out = outputDir != null && !outputDir.isBlank() ? Path.of(outputDir) : properties.outputDir();
        return new ReportRequest(day, zone, workspace == null || workspace.isBlank() ? null : workspace, out);
    }

    public Instant dayStart() {
        return date.atStartOfDay(zone).toInstant();
    }

    public Instant dayEnd() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** {@code <outputDir>/reports/YYYY-MM-DD/<workspace>/} */
    public Path directoryOf(String workspaceSlug) {
        return outputDir.resolve("reports").resolve(date.toString()).resolve(safeName(workspaceSlug));
    }

    /** A workspace slug as a single, harmless path segment. */
    public static String safeName(String slug) {
        String name = slug.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }
}
