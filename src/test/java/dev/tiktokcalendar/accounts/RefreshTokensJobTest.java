package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.web.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code refreshTokensJob} end to end: launched through the job operator, against the simulator and the database. */
class RefreshTokensJobTest extends WebAppTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    @Qualifier(RefreshTokensJobConfiguration.JOB_NAME)
    Job refreshTokensJob;

    @Test
    void refreshesTheDueAccountMarksTheRevokedOneAndHoldsItsPosts() throws Exception {
        Accounts.Workspace ws = newWorkspace();
        long due = connect(ws, "c20");
        long revoked = connect(ws, "c21");
        long post = fixtures().post(ws.id(), revoked, "SCHEDULED", Instant.now().plus(Duration.ofDays(3)));
        for (long account : new long[] {due, revoked}) {
            jdbc.sql("UPDATE tiktok_account SET access_token_expires_at = ? WHERE id = ?")
                    .params(Accounts.utc(Instant.now().plus(Duration.ofMinutes(3))), account).update();
        }
        SIM.revokeAuthorization("c21");
        JobOperatorTestUtils launcher = new JobOperatorTestUtils(jobOperator, jobRepository);
        launcher.setJob(refreshTokensJob);

        JobExecution execution = launcher.startJob(launcher.getUniqueJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution step = execution.getStepExecutions().iterator().next();
        assertThat(step.getWriteCount()).as("refreshed").isGreaterThanOrEqualTo(1);
        assertThat(step.getFilterCount()).as("needing reauth").isGreaterThanOrEqualTo(1);
        assertThat(step.getExecutionContext().getString("result")).contains("needReauth=");
        assertThat(accounts.byId(due).orElseThrow().accessExpiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(accounts.byId(revoked).orElseThrow().status()).isEqualTo("NEEDS_REAUTH");
        assertThat(fixtures().stateOf(post)).isEqualTo("HELD");
    }
}
