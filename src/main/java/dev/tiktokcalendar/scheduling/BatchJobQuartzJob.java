package dev.tiktokcalendar.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleTrigger;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.Duration;

/**
 * The Quartz job behind every schedule: launches the Spring Batch job named in its job data for the
 * trigger's scheduled fire time. Never two at once for one schedule, across the whole cluster.
 */
@DisallowConcurrentExecution
public class BatchJobQuartzJob extends QuartzJobBean {

    static final String BATCH_JOB_NAME = "batchJob";

    private final BatchJobLauncher launcher;

    public BatchJobQuartzJob(BatchJobLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String jobName = context.getMergedJobDataMap().getString(BATCH_JOB_NAME);
        // an interval schedule looks one interval ahead: work coming due before the next tick is launched when it does
        Duration lookahead = context.getTrigger() instanceof SimpleTrigger interval
                ? Duration.ofMillis(interval.getRepeatInterval()) : Duration.ZERO;
        launcher.launchTick(jobName, context.getScheduledFireTime().toInstant(), lookahead);
    }
}
