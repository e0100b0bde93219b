package dev.tiktokcalendar.scheduling;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Launches the {@code when-due} schedules at the instant their work comes due, at the cost of one question a
 * {@code interval} while nothing is. Every node runs one: each interval it asks every {@link DueWork} source once
 * for work due by the end of the next interval and, for a job that has some, arms a one-shot trigger in the
 * clustered store at that instant ({@link DueTriggers}); so Quartz still fires the job, never twice at once in the
 * cluster, and a trigger armed by a node that dies is fired by another. When a run of such a job ends on this node
 * it asks again at once, so work that came due during the run does not wait for the next interval. It asks nothing
 * while this node's scheduler is not running (standby, or not started).
 */
@Component
@ConditionalOnProperty(prefix = "calendar.scheduling", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DueWorkWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueWorkWatcher.class);

    private final Scheduler scheduler;
    private final List<DueWork> sources;
    private final Map<String, String> scheduleByJob = new HashMap<>();
    private final Map<String, JobSchedule> schedules;
    private final Duration interval;
    private final PlatformTransactionManager transactionManager;
    private final Clock clock;
    private final JobListener runEnded = new RunEnded();
    private DueTriggers triggers;
    private ScheduledExecutorService thread;
    private volatile boolean running;

    public DueWorkWatcher(Scheduler scheduler, SchedulingProperties properties, List<DueWork> sources,
                          PlatformTransactionManager transactionManager, Clock clock) {
        this.scheduler = scheduler;
        this.transactionManager = transactionManager;
        this.clock = clock;
        this.schedules = properties.whenDue();
        schedules.forEach((name, schedule) -> {
            String other = scheduleByJob.put(schedule.job(), name);
            if (other != null) {
                throw new IllegalStateException("schedules " + other + " and " + name + " are both when-due for job " + schedule.job());
            }
            if (sources.stream().noneMatch(source -> source.jobNames().contains(schedule.job()))) {
                throw new IllegalStateException("schedule " + name + " is when-due, but no DueWork tells when job "
                        + schedule.job() + " has work");
            }
        });
        this.sources = sources.stream()
                .filter(source -> source.jobNames().stream().anyMatch(scheduleByJob::containsKey)).toList();
        this.interval = schedules.values().stream().map(JobSchedule::interval)
                .min(Duration::compareTo).orElse(null);
    }

    @Override
    public void start() {
        if (!scheduleByJob.isEmpty()) {
            try {
                triggers = new DueTriggers(scheduler, new QuartzStoreChanges(transactionManager));
                scheduler.getListenerManager().addJobListener(runEnded,
                        GroupMatcher.jobGroupEquals(ScheduleSynchronizer.GROUP));
            } catch (SchedulerException e) {
                throw new IllegalStateException("Could not watch for due work", e);
            }
            thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread watcher = new Thread(runnable, "due-work-watcher");
                watcher.setDaemon(true);
                return watcher;
            });
            thread.scheduleWithFixedDelay(this::watch, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Watching every {} for work due for {}", interval, scheduleByJob.keySet());
        }
        running = true;
    }

    /** One round: one question per source; a trigger armed for each watched job whose work is due by the horizon. */
    void watch() {
        try {
            if (scheduler.isInStandbyMode() || scheduler.isShutdown()) {
                return;
            }
            Instant now = clock.instant();
            for (DueWork source : sources) {
                for (Map.Entry<String, Instant> due : source.earliestDueBy(now.plus(interval)).entrySet()) {
                    String schedule = scheduleByJob.get(due.getKey());
                    if (schedule != null) {
                        triggers.fireWhenDue(schedule, schedules.get(schedule), due.getValue(), now);
                    }
                }
            }
        } catch (Exception e) {
            // a failed round (database away) must not end the periodic task; the next round asks again
            log.warn("Could not check for due work: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                scheduler.getListenerManager().removeJobListener(runEnded.getName());
            } catch (SchedulerException e) {
                log.debug("Could not remove the due-work listener", e);
            }
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the schedules are stored (ScheduleSynchronizer) and before the scheduler starts firing. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 900;
    }

    private final class RunEnded implements JobListener {

        @Override
        public String getName() {
            return "due-work-watcher";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            if (!scheduleByJob.containsKey(context.getMergedJobDataMap().getString(BatchJobQuartzJob.BATCH_JOB_NAME))) {
                return;
            }
            try {
                thread.execute(() -> {
                    triggers.runEnded(context.getTrigger().getKey());
                    watch();
                });
            } catch (RejectedExecutionException stopping) {
                log.debug("Not watching after a run: the watcher is stopping");
            }
        }
    }
}
