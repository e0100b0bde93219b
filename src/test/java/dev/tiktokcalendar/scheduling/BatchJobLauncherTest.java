package dev.tiktokcalendar.scheduling;

import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
        return new BatchJobLauncher(jobOperator, jobs, List.of(purgeHasWork));
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
    void anUnknownJobNameIsAClearError() {
        assertThatThrownBy(() -> launcher().launchTick("noSuchJob", Instant.now()))
                .hasMessageContaining("No Spring Batch job named 'noSuchJob'");
    }
}
