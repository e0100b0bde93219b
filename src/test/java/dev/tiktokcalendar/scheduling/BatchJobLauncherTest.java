package dev.tiktokcalendar.scheduling;

import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One tick launches one job execution; a repeated tick and a tick without work launch nothing. */
@SpringBootTest
class BatchJobLauncherTest extends DatabaseTest {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    List<Job> jobs;

    private final AtomicBoolean work = new AtomicBoolean(true);

    private BatchJobLauncher launcher() {
        LaunchCondition purgeHasWork = new LaunchCondition() {
            @Override
            public String jobName() {
                return "purgeJobHistoryJob";
            }

            @Override
            public boolean workPending() {
                return work.get();
            }
        };
        return new BatchJobLauncher(jobOperator, jobs, List.of(purgeHasWork), Clock.systemUTC());
    }

    @Test
    void aTickLaunchesOnceAndTheSameTickAgainIsRefused() {
        Instant tick = Instant.parse("2031-01-01T03:30:00Z").plusMillis(System.nanoTime() % 100_000);

        assertThat(launcher().launchTick("purgeJobHistoryJob", tick))
                .hasValueSatisfying(execution -> assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(launcher().launchTick("purgeJobHistoryJob", tick)).isEmpty();
    }

    @Test
    void aTickWithoutWorkLaunchesNothing() {
        work.set(false);

        assertThat(launcher().launchTick("purgeJobHistoryJob", Instant.parse("2032-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aTickLaunchesAtTheInstantWorkComesDueWithinItsLookahead() {
        Instant dueAt = Instant.now().plusMillis(400);
        AtomicBoolean served = new AtomicBoolean();
        BatchJobLauncher launcher = new BatchJobLauncher(jobOperator, jobs, List.of(atDueInstants(horizon ->
                dueAt.isAfter(horizon) || !served.compareAndSet(false, true) ? Optional.empty() : Optional.of(dueAt))),
                Clock.systemUTC());
        Instant tick = Instant.parse("2033-01-01T00:00:00Z").plusMillis(System.nanoTime() % 100_000);

        assertThat(launcher.launchTick("purgeJobHistoryJob", tick, Duration.ofMillis(100)))
                .as("due after the lookahead: the next tick's business").isEmpty();
        Optional<JobExecution> launched = launcher.launchTick("purgeJobHistoryJob", tick, Duration.ofSeconds(1));

        assertThat(launched).hasValueSatisfying(execution ->
                assertThat(execution.getCreateTime().atZone(java.time.ZoneId.systemDefault()).toInstant()).isAfterOrEqualTo(dueAt));
    }

    @Test
    void workComingDueAgainWithinTheIntervalIsLaunchedAsAnotherRoundOfTheTick() {
        AtomicInteger dueAnswers = new AtomicInteger(3);
        BatchJobLauncher launcher = new BatchJobLauncher(jobOperator, jobs, List.of(atDueInstants(horizon ->
                dueAnswers.getAndDecrement() > 0 ? Optional.of(Instant.now().minusMillis(1)) : Optional.empty())),
                Clock.systemUTC());
        Instant tick = Instant.parse("2034-01-01T00:00:00Z").plusMillis(System.nanoTime() % 100_000);

        assertThat(launcher.launchTick("purgeJobHistoryJob", tick, Duration.ofSeconds(30))).isPresent();

        assertThat(dueAnswers.get()).as("three rounds, then no work").isEqualTo(-1);
        dueAnswers.set(1);
        assertThat(launcher.launchTick("purgeJobHistoryJob", tick, Duration.ofSeconds(30)))
                .as("every round of that tick already ran").isEmpty();
    }

    private static LaunchCondition atDueInstants(java.util.function.Function<Instant, Optional<Instant>> earliestDueBy) {
        return new LaunchCondition() {
            @Override
            public String jobName() {
                return "purgeJobHistoryJob";
            }

            @Override
            public boolean workPending() {
                throw new AssertionError("a condition launching at due instants is asked for the earliest due instant");
            }

            @Override
            public boolean launchesAtDueInstant() {
                return true;
            }

            @Override
            public Optional<Instant> earliestWorkDueBy(Instant horizon) {
                return earliestDueBy.apply(horizon);
            }
        };
    }

    @Test
    void aConditionThatNeedNotLaunchAtDueInstantsGetsOneRunPerTick() {
        Instant tick = Instant.parse("2035-01-01T00:00:00Z").plusMillis(System.nanoTime() % 100_000);
        long started = System.nanoTime();

        assertThat(launcher().launchTick("purgeJobHistoryJob", tick, Duration.ofSeconds(30))).isPresent();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no further rounds although work stays pending")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(work.get()).isTrue();
    }

    @Test
    void anUnknownJobNameIsAClearError() {
        assertThatThrownBy(() -> launcher().launchTick("noSuchJob", Instant.now()))
                .hasMessageContaining("No Spring Batch job named 'noSuchJob'");
    }
}
