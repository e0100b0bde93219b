package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.DuePostProbe;
import dev.tiktokcalendar.calendar.DuePostsCondition;
import dev.tiktokcalendar.calendar.PostClaimer;
import dev.tiktokcalendar.calendar.PostState;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code publishDuePostsJob}: returns expired claims to the pool, then claims due posts batch by batch and sends
 * them to TikTok on {@code calendar.publishing.threads} threads; the step ends once the uploads it started have.
 * Launched by Quartz when a post comes due (schedule {@code when-due}: the due-work watcher has the cluster fire it
 * at that instant).
 */
@Configuration(proxyBeanMethods = false)
public class PublishDuePostsJobConfiguration {

    public static final String JOB_NAME = "publishDuePostsJob";

    /** Launches only when a post is due; {@code DuePostWork} tells the due-work watcher when one comes due. */
    @Bean
    DuePostsCondition duePostsCondition(DuePostProbe probe) {
        return new DuePostsCondition(JOB_NAME, probe, PostState.DUE_FOR_PUBLISHING);
    }

    @Bean
    Step releaseExpiredClaimsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  PostClaimer claimer, PublishingProperties properties) {
        return new StepBuilder("releaseExpiredClaimsStep", jobRepository)
                .tasklet((contribution, context) -> {
                    contribution.incrementWriteCount(claimer.releaseExpiredClaims(properties.reconciliation().firstCheck()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    ClaimingPostReader claimedPostsReader(PostClaimer claimer, PublishablePosts posts, PublishingProperties properties) {
        return new ClaimingPostReader(claimer, posts, properties);
    }

    @Bean
    AsyncTaskExecutor publishingTaskExecutor(PublishingProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setThreadNamePrefix("publish-");
        executor.initialize();
        return executor;
    }

    @Bean
    Step publishClaimedPostsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ClaimingPostReader claimedPostsReader, PostPublisher publisher,
                                 AsyncTaskExecutor publishingTaskExecutor, PublishingProperties properties,
                                 MediaUploads uploads, MeterRegistry meters) {
        return new StepBuilder("publishClaimedPostsStep", jobRepository)
                .<PublishablePost, PublishOutcome>chunk(Math.max(1, properties.threads() * 2))
                .reader(claimedPostsReader)
                .processor(publisher::publish)
                .writer(new PublishOutcomeWriter(meters))
                .transactionManager(transactionManager)
                .taskExecutor(publishingTaskExecutor)
                .listener(new UploadsEndWithTheStep(uploads, properties.uploadLease()))
                .build();
    }

    @Bean
    Job publishDuePostsJob(JobRepository jobRepository, Step releaseExpiredClaimsStep, Step publishClaimedPostsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(releaseExpiredClaimsStep)
                .next(publishClaimedPostsStep)
                .build();
    }
}
