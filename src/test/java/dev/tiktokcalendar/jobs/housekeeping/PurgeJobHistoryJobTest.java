package dev.tiktokcalendar.jobs.housekeeping;

import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@SpringBatchTest
class PurgeJobHistoryJobTest extends DatabaseTest {

    @Autowired
    JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("purgeJobHistoryJob")
    Job purgeJobHistoryJob;

    @Test
    void purgesFinishedExecutionsOlderThanTheRetentionAndKeepsRecentOnes() throws Exception {
        jobOperatorTestUtils.setJob(purgeJobHistoryJob);
        JobExecution old = jobOperatorTestUtils.startJob(new JobParametersBuilder().addString("run", "old").toJobParameters());
        JobExecution recent = jobOperatorTestUtils.startJob(new JobParametersBuilder().addString("run", "recent").toJobParameters());
        ageExecution(old.getId(), LocalDateTime.now(ZoneOffset.UTC).minusDays(30));

        JobExecution purge = jobOperatorTestUtils.startJob(new JobParametersBuilder().addString("run", "purge").toJobParameters());

        assertThat(purge.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution step = purge.getStepExecutions().iterator().next();
        assertThat(step.getWriteCount()).isEqualTo(1);
        assertThat(step.getReadCount()).isZero();
        assertThat(step.getSkipCount()).isZero();
        assertThat(executionExists(old.getId())).isFalse();
        assertThat(executionExists(recent.getId())).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?")
                .param(old.getId()).query(Integer.class).single()).isZero();
    }

    private void ageExecution(long executionId, LocalDateTime endedAt) {
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET END_TIME = ? WHERE JOB_EXECUTION_ID = ?").params(endedAt, executionId).update();
    }

    private boolean executionExists(long executionId) {
        return jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
                .param(executionId).query(Integer.class).single() > 0;
    }
}
