package dev.tiktokcalendar.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * {@code calendar.scheduling.jobs.<schedule-name>}: the Quartz schedules, one per launched Batch job;
 * {@code calendar.scheduling.enabled=false} leaves the cluster's triggers untouched (one-shot commands).
 */
@ConfigurationProperties("calendar.scheduling")
public record SchedulingProperties(@DefaultValue("true") boolean enabled, Map<String, JobSchedule> jobs) {

    public SchedulingProperties {
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
    }
}
