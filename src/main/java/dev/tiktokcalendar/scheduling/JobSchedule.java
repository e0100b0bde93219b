package dev.tiktokcalendar.scheduling;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

import java.time.Duration;
import java.time.Instant;
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
 * @param onIntervalBoundaries with {@code when-due}: launched at the first boundary of {@code interval} (counted from
 *                 the epoch) at or after the work comes due, instead of at its instant; so at most once per interval
 *                 in the whole cluster (every node arms the same instant), for work that can wait that long
 */
public record JobSchedule(
        String job,
        String cron,
        Duration interval,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean whenDue,
        @DefaultValue("false") boolean onIntervalBoundaries) {

    public JobSchedule {
        if (!StringUtils.hasText(job)) {
            throw new IllegalArgumentException("a schedule needs 'job': the name of the Spring Batch job to launch");
        }
        boolean hasCron = StringUtils.hasText(cron);
        if (whenDue && (hasCron || interval == null)) {
            throw new IllegalArgumentException("schedule of job '" + job + "' is when-due: it needs 'interval' (how often"
                    + " it asks whether work is due) and no 'cron'");
        }
        if (onIntervalBoundaries && !whenDue) {
            throw new IllegalArgumentException("schedule of job '" + job + "': on-interval-boundaries needs when-due");
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

    /** When a when-due schedule launches for work due at {@code due}, not before {@code now}. */
    public Instant launchInstant(Instant due, Instant now) {
        Instant launch = due.isAfter(now) ? due : now;
        if (!onIntervalBoundaries) {
            return launch;
        }
        long step = interval.toMillis();
        return Instant.ofEpochMilli(-Math.floorDiv(-launch.toEpochMilli(), step) * step);
    }

    public boolean isCron() {
        return StringUtils.hasText(cron);
    }

    /** Identifies the timing; a trigger whose signature differs from the configuration is rescheduled. */
    public String signature() {
        if (whenDue) {
            return "when-due:" + interval.toMillis() + "ms" + (onIntervalBoundaries ? ":on-boundaries" : "");
        }
        return isCron() ? "cron:" + cron + "@" + zone.getId() : "interval:" + interval.toMillis() + "ms";
    }
}
