package dev.tiktokcalendar.scheduling;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

import java.time.Duration;
import java.time.ZoneId;

/**
 * When Quartz launches one Spring Batch job: a Quartz cron expression (in {@code zone}), a fixed interval, or
 * {@code when-due}: at the instant its work comes due, which {@link DueWorkWatcher} asks a {@link DueWork} about
 * every {@code interval}.
 *
 * @param job      the name of the Spring Batch {@code Job} bean to launch
 * @param cron     Quartz cron expression, e.g. {@code 0 0 2 * * ?}; exclusive with {@code interval}
 * @param interval fixed period, e.g. {@code 1s}; exclusive with {@code cron}. With {@code when-due}, how often the
 *                 watcher asks whether work comes due within the next interval
 * @param zone     the zone a cron expression is read in
 * @param enabled  false removes the trigger (and the job) from the cluster
 * @param whenDue  launched when work is due, not on a repeating trigger; needs {@code interval}
 */
public record JobSchedule(
        String job,
        String cron,
        Duration interval,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean whenDue) {

    public JobSchedule {
        if (!StringUtils.hasText(job)) {
            throw new IllegalArgumentException("a schedule needs 'job': the name of the Spring Batch job to launch");
        }
        boolean hasCron = StringUtils.hasText(cron);
        if (whenDue && (hasCron || interval == null)) {
            throw new IllegalArgumentException("schedule of job '" + job + "' is when-due: it needs 'interval' (how often"
                    + " it asks whether work is due) and no 'cron'");
        }
        if (hasCron == (interval != null)) {
            throw new IllegalArgumentException("schedule of job '" + job + "' needs exactly one of 'cron' or 'interval'");
        }
        if (hasCron && !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("schedule of job '" + job + "': '" + cron + "' is not a valid Quartz cron expression");
        }
        if (interval != null && (interval.isNegative() || interval.toMillis() < 1)) {
            throw new IllegalArgumentException("schedule of job '" + job + "': interval must be positive, was " + interval);
        }
    }

    public boolean isCron() {
        return StringUtils.hasText(cron);
    }

    /** Identifies the timing; a trigger whose signature differs from the configuration is rescheduled. */
    public String signature() {
        if (whenDue) {
            return "when-due:" + interval.toMillis() + "ms";
        }
        return isCron() ? "cron:" + cron + "@" + zone.getId() : "interval:" + interval.toMillis() + "ms";
    }
}
