package dev.tiktokcalendar.jobs.housekeeping;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code purgeJobHistoryJob}: keeps the Spring Batch job repository small by removing executions that
 * finished more than {@code calendar.batch-history.retention} ago, {@value #BATCH_SIZE} per transaction.
 */
@Configuration(proxyBeanMethods = false)
public class PurgeJobHistoryJobConfiguration {

    static final int BATCH_SIZE = 500;

    @Bean
    Tasklet purgeFinishedExecutionsTasklet(BatchHistoryPurger purger, BatchHistoryProperties properties, Clock clock) {
        return (contribution, chunkContext) -> {
            Instant cutoff = clock.instant().minus(properties.retention());
            int purged = purger.purgeExecutionsEndedBefore(cutoff, BATCH_SIZE);
            contribution.incrementWriteCount(purged);
            return purged == BATCH_SIZE ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step purgeFinishedExecutionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     Tasklet purgeFinishedExecutionsTasklet) {
        return new StepBuilder("purgeFinishedExecutionsStep", jobRepository)
                .tasklet(purgeFinishedExecutionsTasklet, transactionManager)
                .build();
    }

    @Bean
    Job purgeJobHistoryJob(JobRepository jobRepository, Step purgeFinishedExecutionsStep) {
        return new JobBuilder("purgeJobHistoryJob", jobRepository)
                .start(purgeFinishedExecutionsStep)
                .build();
    }
}
