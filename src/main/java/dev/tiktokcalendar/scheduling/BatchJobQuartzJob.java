package dev.tiktokcalendar.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind every schedule: launches the Spring Batch job named in its job data for the
 * trigger's scheduled fire time (a repeating trigger's tick, or the instant a due-work watcher armed a one-shot
 * trigger for). Never two at once for one schedule, across the whole cluster.
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
        launcher.launchTick(jobName, context.getScheduledFireTime().toInstant());
    }
}
