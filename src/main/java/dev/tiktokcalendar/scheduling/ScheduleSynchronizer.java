package dev.tiktokcalendar.scheduling;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * Makes the clustered Quartz store hold exactly the schedules of {@code calendar.scheduling.jobs}: adds
 * missing triggers, reschedules changed ones, removes disabled ones; a {@code when-due} schedule is stored as a job
 * without a repeating trigger (see {@link DueWorkWatcher}). An unchanged trigger is left alone, so a
 * node restart keeps its next fire time and the other nodes' triggers and history are never touched.
 */
@Component
@ConditionalOnProperty(prefix = "calendar.scheduling", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ScheduleSynchronizer implements SmartLifecycle {

    static final String GROUP = "calendar";
    static final String SIGNATURE = "scheduleSignature";

    private static final Logger log = LoggerFactory.getLogger(ScheduleSynchronizer.class);

    private final Scheduler scheduler;
    private final SchedulingProperties properties;
    private volatile boolean running;

    private final QuartzStoreChanges changes;

    public ScheduleSynchronizer(Scheduler scheduler, SchedulingProperties properties,
                                PlatformTransactionManager transactionManager) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.changes = new QuartzStoreChanges(transactionManager);
    }

    @Override
    public void start() {
        for (Map.Entry<String, JobSchedule> entry : properties.jobs().entrySet()) {
            try {
                if (entry.getValue().enabled() && entry.getValue().whenDue()) {
                    storeWithoutTrigger(entry.getKey(), entry.getValue());
                } else {
                    changes.apply("Could not store schedule " + entry.getKey(), () -> synchronize(entry.getKey(), entry.getValue()));
                }
            } catch (SchedulerException | IllegalStateException e) {
                throw new IllegalStateException("Could not synchronise Quartz schedule " + entry.getKey()
                        + " with calendar.scheduling", e);
            }
        }
        running = true;
    }

    void synchronize(String name, JobSchedule schedule) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(name, GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(name, GROUP);
        if (!schedule.enabled()) {
            if (scheduler.checkExists(jobKey) && scheduler.deleteJob(jobKey)) {
                log.info("Schedule {} is disabled: removed its trigger", name);
            }
            return;
        }
        Trigger existing = scheduler.getTrigger(triggerKey);
        if (existing != null && schedule.signature().equals(existing.getJobDataMap().getString(SIGNATURE))) {
            return;
        }
        scheduler.scheduleJob(jobDetail(jobKey, schedule), Set.of(trigger(triggerKey, schedule)), true);
        log.info("Schedule {} -> job {} ({}){}", name, schedule.job(), schedule.signature(),
                existing == null ? "" : ", replacing " + existing.getJobDataMap().getString(SIGNATURE));
    }

    /**
     * A when-due schedule is a durable job without a trigger of its own: the due-work watchers arm one-shot triggers
     * for it. The repeating trigger of an earlier configuration goes; triggers the watchers armed stay. Looked at
     * outside a transaction, each change in one of its own.
     */
    private void storeWithoutTrigger(String name, JobSchedule schedule) throws SchedulerException {
        JobKey jobKey = JobKey.jobKey(name, GROUP);
        TriggerKey repeatingTrigger = TriggerKey.triggerKey(name, GROUP);
        if (scheduler.checkExists(repeatingTrigger)) {
            changes.apply("Could not remove the repeating trigger of " + name, () -> scheduler.unscheduleJob(repeatingTrigger));
            log.info("Schedule {} is when-due now: removed its repeating trigger", name);
        }
        JobDetail existing = scheduler.getJobDetail(jobKey);
        if (existing == null || !schedule.job().equals(existing.getJobDataMap().getString(BatchJobQuartzJob.BATCH_JOB_NAME))) {
            changes.apply("Could not store the job of " + name, () -> scheduler.addJob(jobDetail(jobKey, schedule), true));
            log.info("Schedule {} -> job {} ({})", name, schedule.job(), schedule.signature());
        }
    }

    private static JobDetail jobDetail(JobKey key, JobSchedule schedule) {
        return JobBuilder.newJob(BatchJobQuartzJob.class)
                .withIdentity(key)
                .withDescription("launches Spring Batch job " + schedule.job())
                .usingJobData(BatchJobQuartzJob.BATCH_JOB_NAME, schedule.job())
                .storeDurably()
                .build();
    }

    /** Misfire policy: a tick missed by more than the misfire threshold fires once, not once per missed period. */
    static Trigger trigger(TriggerKey key, JobSchedule schedule) {
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .usingJobData(SIGNATURE, schedule.signature())
                .startNow();
        if (schedule.isCron()) {
            return builder.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                    .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                    .withMisfireHandlingInstructionFireAndProceed()).build();
        }
        return builder.withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(schedule.interval().toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNowWithExistingCount()).build();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the scheduler (which starts last), so triggers are in place when it begins to fire. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
