package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.auth.AccessTokens;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * {@code refreshTokensJob} (schedule {@code calendar.scheduling.jobs.refresh-tokens}): refreshes the TikTok
 * tokens that expire soon and holds the posts of accounts that must be connected again. See
 * {@code jobs/refresh-tokens/README.md}. Its tasklet makes HTTP calls, so it commits nothing of its own: each
 * token write is its own statement in the token store, each hold its own transition.
 */
@Configuration(proxyBeanMethods = false)
public class RefreshTokensJobConfiguration {

    public static final String JOB_NAME = "refreshTokensJob";

    @Bean
    TokenRefresher tokenRefresher(JdbcClient jdbc, AccessTokens tokens, AccountHolds holds, Clock clock,
                                  TikTokProperties settings) {
        return new TokenRefresher(jdbc, tokens, holds, clock, settings.tokens());
    }

    @Bean
    Tasklet refreshDueTokensTasklet(TokenRefresher refresher) {
        return (contribution, chunkContext) -> {
            TokenRefresher.Result result = refresher.refreshDue();
            contribution.incrementReadCount();
            contribution.incrementWriteCount(result.refreshed());
            contribution.incrementFilterCount(result.needReauth() + result.failed());
            contribution.getStepExecution().getExecutionContext().putString("result", result.toString());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step refreshDueTokensStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Tasklet refreshDueTokensTasklet) {
        return new StepBuilder("refreshDueTokensStep", jobRepository)
                .tasklet(refreshDueTokensTasklet, transactionManager)
                .build();
    }

    @Bean
    Job refreshTokensJob(JobRepository jobRepository, Step refreshDueTokensStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(refreshDueTokensStep).build();
    }
}
