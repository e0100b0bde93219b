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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Launches a Spring Batch job for one scheduler tick. The tick's scheduled fire time is an identifying job
 * parameter, so launching the same tick twice (a recovered Quartz firing, a second node) is refused by
 * Batch's job repository instead of running the job again.
 */
@Component
public class BatchJobLauncher {

    public static final String SCHEDULED_FIRE_TIME = "scheduledFireTime";
    public static final String MANUAL_RUN = "manualRunAt";
    /** A tick's further runs within its interval (work that came due after its first run). */
    public static final String TICK_ROUND = "tickRound";

    private static final Logger log = LoggerFactory.getLogger(BatchJobLauncher.class);

    private final JobOperator jobOperator;
    private final Map<String, Job> jobsByName;
    private final Map<String, List<LaunchCondition>> conditionsByJob;
    private final Clock clock;

    public BatchJobLauncher(JobOperator jobOperator, List<Job> jobs, List<LaunchCondition> conditions, Clock clock) {
        this.clock = clock;
        this.jobOperator = jobOperator;
        this.jobsByName = jobs.stream().collect(Collectors.toUnmodifiableMap(Job::getName, Function.identity()));
        this.conditionsByJob = conditions.stream().collect(Collectors.groupingBy(LaunchCondition::jobName));
    }

    /**
     * Runs {@code jobName} for the tick scheduled at {@code scheduledFireTime}; empty when that tick already ran
     * or a {@link LaunchCondition} of the job says there is no work.
     */
    public Optional<JobExecution> launchTick(String jobName, Instant scheduledFireTime) {
        return launchTick(jobName, scheduledFireTime, Duration.ZERO);
    }

    /**
     * As {@link #launchTick(String, Instant)}. For a job whose condition {@link LaunchCondition#launchesAtDueInstant()
     * launches at due instants}, the tick serves its whole interval ({@code lookahead}, until the next tick takes
     * over): work that has come due is launched at once, work coming due before the interval ends at its instant,
     * each run after the first as one more round of the tick. Returns the first run.
     */
    public Optional<JobExecution> launchTick(String jobName, Instant scheduledFireTime, Duration lookahead) {
        Job job = job(jobName);
        List<LaunchCondition> conditions = conditionsByJob.getOrDefault(jobName, List.of());
        if (conditions.size() == 1 && conditions.get(0).launchesAtDueInstant()) {
            return serveInterval(job, scheduledFireTime, conditions.get(0), clock.instant().plus(lookahead));
        }
        if (!conditions.stream().allMatch(LaunchCondition::workPending)) {
            return Optional.empty();
        }
        return start(job, scheduledFireTime, 0);
    }

    /** Launches at each instant work comes due until {@code intervalEnds}; one query when nothing is due. */
    private Optional<JobExecution> serveInterval(Job job, Instant scheduledFireTime, LaunchCondition condition,
                                                 Instant intervalEnds) {
        Optional<JobExecution> first = Optional.empty();
        for (int round = 0; ; round++) {
            Optional<Instant> due = condition.earliestWorkDueBy(intervalEnds);
            if (due.isEmpty() || !sleptUntil(due.get())) {
                return first;
            }
            Optional<JobExecution> run = start(job, scheduledFireTime, round);
            first = first.isPresent() ? first : run;
            if (run.isEmpty() || !clock.instant().isBefore(intervalEnds)) {
                return first;
            }
        }
    }

    private boolean sleptUntil(Instant due) {
        long millis = Duration.between(clock.instant(), due).toMillis();
        if (millis < 0) {
            return true;
        }
        try {
            Thread.sleep(millis + 1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<JobExecution> start(Job job, Instant scheduledFireTime, int round) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addLong(SCHEDULED_FIRE_TIME, scheduledFireTime.toEpochMilli(), true);
        if (round > 0) {
            parameters.addLong(TICK_ROUND, (long) round, true);
        }
        try {
            return Optional.of(jobOperator.start(job, parameters.toJobParameters()));
        } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException e) {
            log.info("Tick {} (round {}) of job {} was already launched; not launching it again", scheduledFireTime,
                    round, job.getName());
            return Optional.empty();
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("Could not launch job " + job.getName() + " for tick " + scheduledFireTime, e);
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
