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

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code publishDuePostsJob}: returns expired claims to the pool, then claims the scheduled posts due within
 * {@code prepare-ahead} and the deferred posts due now, batch by batch, prepares them on
 * {@code calendar.publishing.threads} threads and hands each to the {@link InitDispatcher}, which sends its init at its
 * due instant (at once when that has passed). The step ends once the inits due by then and the uploads have.
 * Launched by Quartz when a post comes due (schedule {@code when-due}: the due-work watcher has the cluster fire it
 * at that instant).
 */
@Configuration(proxyBeanMethods = false)
public class PublishDuePostsJobConfiguration {

    public static final String JOB_NAME = "publishDuePostsJob";

    /**
     * Launches only when a post is due, or a scheduled post comes due within {@code prepare-ahead};
     * {@code DuePostWork} tells the due-work watcher when that is.
     */
    @Bean
    DuePostsCondition duePostsCondition(DuePostProbe probe, PublishingProperties properties) {
        Map<PostState, Duration> leads = new EnumMap<>(PostState.class);
        PostState.DUE_FOR_PUBLISHING.forEach(state -> leads.put(state, Duration.ZERO));
        leads.put(PostState.SCHEDULED, properties.prepareAhead());
        return new DuePostsCondition(JOB_NAME, probe, leads);
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
                                 MediaUploads uploads, InitDispatcher dispatcher, MeterRegistry meters) {
        return new StepBuilder("publishClaimedPostsStep", jobRepository)
                .<PublishablePost, PublishOutcome>chunk(Math.max(1, properties.threads() * PublishingProperties.POSTS_PER_THREAD_IN_A_CHUNK))
                .reader(claimedPostsReader)
                .processor(publisher::publish)
                .writer(new PublishOutcomeWriter(meters))
                .transactionManager(transactionManager)
                .taskExecutor(publishingTaskExecutor)
                .listener(new DueInitsAndUploadsEndWithTheStep(dispatcher, uploads, properties.uploadLease()))
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
