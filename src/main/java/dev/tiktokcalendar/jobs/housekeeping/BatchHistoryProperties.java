package dev.tiktokcalendar.jobs.housekeeping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code calendar.batch-history.retention}: how long finished Spring Batch executions are kept. */
@ConfigurationProperties("calendar.batch-history")
public record BatchHistoryProperties(@DefaultValue("3d") Duration retention) {
}
