package dev.tiktokcalendar.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Launches a Spring Batch job for one scheduler tick (a firing of a Quartz trigger). The tick's scheduled fire
 * time is an identifying job parameter, so launching the same tick twice (a recovered Quartz firing, two nodes
 * arming the same due instant) is refused by Batch's job repository instead of running the job again.
 */
@Component
public class BatchJobLauncher {

    public static final String SCHEDULED_FIRE_TIME = "scheduledFireTime";
    public static final String MANUAL_RUN = "manualRunAt";

    private static final Logger log = LoggerFactory.getLogger(BatchJobLauncher.class);

    private final JobOperator jobOperator;
    private final Map<String, Job> jobsByName;
    private final Map<String, List<LaunchCondition>> conditionsByJob;

    public BatchJobLauncher(JobOperator jobOperator, List<Job> jobs, List<LaunchCondition> conditions) {
        this.jobOperator = jobOperator;
        this.jobsByName = jobs.stream().collect(Collectors.toUnmodifiableMap(Job::getName, Function.identity()));
        this.conditionsByJob = conditions.stream().collect(Collectors.groupingBy(LaunchCondition::jobName));
    }

    /**
     * Runs {@code jobName} for the tick scheduled at {@code scheduledFireTime}; empty when that tick already ran
     * or a {@link LaunchCondition} of the job says there is no work.
     */
    public Optional<JobExecution> launchTick(String jobName, Instant scheduledFireTime) {
        Job job = job(jobName);
        if (!conditionsByJob.getOrDefault(jobName, List.of()).stream().allMatch(LaunchCondition::workPending)) {
            return Optional.empty();
        }
        JobParameters parameters = new JobParametersBuilder()
                .addLong(SCHEDULED_FIRE_TIME, scheduledFireTime.toEpochMilli(), true)
                .toJobParameters();
        try {
            return Optional.of(jobOperator.start(job, parameters));
        } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException e) {
            log.info("Tick {} of job {} was already launched; not launching it again", scheduledFireTime, jobName);
            return Optional.empty();
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("Could not launch job " + jobName + " for tick " + scheduledFireTime, e);
        }
    }

    /** Runs {@code jobName} once, now, whatever its launch conditions say (an operator's explicit request). */
    public JobExecution runNow(String jobName, Instant requestedAt) {
        JobParameters parameters = new JobParametersBuilder()
                .addLong(MANUAL_RUN, requestedAt.toEpochMilli(), true)
                .toJobParameters();
        try {
            return jobOperator.start(job(jobName), parameters);
        } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException | JobRestartException
                 | InvalidJobParametersException e) {
            throw new IllegalStateException("Could not run job " + jobName + ": " + e.getMessage(), e);
        }
    }

    public Job job(String jobName) {
        Job job = jobsByName.get(jobName);
        if (job == null) {
            throw new IllegalArgumentException("No Spring Batch job named '" + jobName + "'; known jobs: " + jobsByName.keySet());
        }
        return job;
    }
}
