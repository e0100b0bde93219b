package dev.tiktokcalendar.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@code calendar.scheduling.jobs.<schedule-name>}: the Quartz schedules, one per launched Batch job. */
@ConfigurationProperties("calendar.scheduling")
public record SchedulingProperties(Map<String, JobSchedule> jobs) {

    public SchedulingProperties {
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
    }
}
