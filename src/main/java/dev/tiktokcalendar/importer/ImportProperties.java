package dev.tiktokcalendar.importer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code calendar.import.*}: where media paths of calendar files are resolved, the folders of the scheduled
 * inbox import, the chunk size, and when the daily-cap warning fires.
 *
 * @param mediaRoot          media paths in calendars are relative to this folder and never leave it
 * @param inbox              files dropped here ({@code <inbox>/<workspace-slug>/<name>.csv}) are imported by the scheduled job
 * @param done               where imported inbox files go, with their report
 * @param failed             where refused inbox files (file-level error or refused rows) go, with their report
 * @param chunkSize          rows per transaction of the import step
 * @param dailyCapWarning    warn when an account has more direct posts than this in any rolling 24 h
 * @param loadDataLocal      write new posts with LOAD DATA LOCAL INFILE where the server takes it (else INSERTs)
 */
@ConfigurationProperties("calendar.import")
public record ImportProperties(
        @DefaultValue("./media") Path mediaRoot,
        @DefaultValue("./import/inbox") Path inbox,
        @DefaultValue("./import/done") Path done,
        @DefaultValue("./import/failed") Path failed,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("15") int dailyCapWarning,
        @DefaultValue("true") boolean loadDataLocal) {
}
