package dev.tiktokcalendar.scheduling;

import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-shot triggers a node arms in the clustered Quartz store for its {@code when-due} schedules, at most one
 * not yet fired per schedule. Each fires the schedule's durable job once, at the due instant, on whichever node
 * acquires it (also when the node that armed it has died since); Quartz removes it once its run ends. Used from
 * the {@link DueWorkWatcher}'s thread only.
 */
final class DueTriggers {

    static final String GROUP = "calendar-due";

    private static final Logger log = LoggerFactory.getLogger(DueTriggers.class);

    private record Armed(TriggerKey key, Instant fireAt) {
    }

    private final Scheduler scheduler;
    private final QuartzStoreChanges changes;
    private final String node;
    private final Map<String, Armed> armedBySchedule = new HashMap<>();

    DueTriggers(Scheduler scheduler, QuartzStoreChanges changes) throws SchedulerException {
        this.scheduler = scheduler;
        this.changes = changes;
        this.node = scheduler.getSchedulerInstanceId();
    }

    /**
     * Has the cluster fire {@code schedule}'s job when work is {@code due} ({@code now} if that has passed; see
     * {@link JobSchedule#launchInstant}), unless a
     * trigger armed here already covers it: one not fired yet, or one whose run, started at or after {@code due},
     * claims that work.
     */
    void fireWhenDue(String schedule, JobSchedule timing, Instant due, Instant now) throws SchedulerException {
        Instant fireAt = timing.launchInstant(due, now);
        Armed last = armedBySchedule.get(schedule);
        if (last != null) {
            switch (scheduler.getTriggerState(last.key())) {
                case NORMAL, BLOCKED, PAUSED -> {
                    // not fired yet: armed at most one interval ahead, its run takes this work too, within that interval
                    return;
                }
                case COMPLETE -> {
                    // its run is under way and claims the work due by its instant; later work needs a trigger of its own
                    if (!due.isAfter(last.fireAt())) {
                        return;
                    }
                }
                case ERROR -> {
                    log.warn("Trigger {} of schedule {} is in ERROR; removing it and arming another", last.key(), schedule);
                    changes.apply("Could not remove trigger " + last.key(), () -> scheduler.unscheduleJob(last.key()));
                }
                case NONE -> {
                }
            }
        }
        arm(schedule, fireAt);
    }

    /** The run of {@code trigger} has ended on this node: if this node armed it, it no longer covers anything. */
    void runEnded(TriggerKey trigger) {
        armedBySchedule.values().removeIf(armed -> armed.key().equals(trigger));
    }

    private void arm(String schedule, Instant fireAt) {
        TriggerKey key = TriggerKey.triggerKey(schedule + "@" + node + "@" + fireAt.toEpochMilli(), GROUP);
        // a one-shot trigger late by more than the misfire threshold (every node down) fires once, now
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(JobKey.jobKey(schedule, ScheduleSynchronizer.GROUP))
                .startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        changes.apply("Could not arm trigger " + key, () -> {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException armedAlready) {
                log.debug("Trigger {} was armed already", key);
            }
        });
        armedBySchedule.put(schedule, new Armed(key, fireAt));
        log.debug("Armed {} for schedule {} at {}", key, schedule, fireAt);
    }
}
