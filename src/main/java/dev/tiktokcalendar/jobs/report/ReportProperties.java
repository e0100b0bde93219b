package dev.tiktokcalendar.jobs.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code calendar.report.*}: where and how {@code reconciliationReportJob} writes its reports.
 *
 * @param outputDir        files go to {@code <outputDir>/reports/YYYY-MM-DD/<workspace>/}
 * @param zone             the zone whose local day a report covers (and the chart's hours)
 * @param tokenWarning     accounts whose refresh token expires within this period (after the day) are listed
 * @param crossCheckGrace  how long after the day TikTok's list is still searched for the day's posts
 * @param chunkSize        posts per chunk of the collecting step
 */
@ConfigurationProperties("calendar.report")
public record ReportProperties(
        @DefaultValue("./data") Path outputDir,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("7d") Duration tokenWarning,
        @DefaultValue("6h") Duration crossCheckGrace,
        @DefaultValue("1000") int chunkSize) {
}
