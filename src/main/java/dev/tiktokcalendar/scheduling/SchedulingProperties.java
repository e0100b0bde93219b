package dev.tiktokcalendar.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code calendar.scheduling.jobs.<schedule-name>}: the Quartz schedules, one per launched Batch job ({@link JobSchedule});
 * {@code calendar.scheduling.enabled=false} leaves the cluster's triggers untouched (one-shot commands).
 */
@ConfigurationProperties("calendar.scheduling")
public record SchedulingProperties(@DefaultValue("true") boolean enabled, Map<String, JobSchedule> jobs) {

    public SchedulingProperties {
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
    }

    /** The enabled {@code when-due} schedules, by schedule name. */
    public Map<String, JobSchedule> whenDue() {
        return jobs.entrySet().stream().filter(entry -> entry.getValue().enabled() && entry.getValue().whenDue())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
