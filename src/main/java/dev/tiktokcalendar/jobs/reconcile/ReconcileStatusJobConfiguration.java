package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.calendar.DuePostProbe;
import dev.tiktokcalendar.calendar.DuePostsCondition;
import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.jobs.publish.PublishingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code reconcileStatusJob}: leases the posts whose next status check has come and asks TikTok what became of
 * them (status/fetch, or video/list for an init without publish id). Launched by Quartz when a check comes due
 * (schedule {@code when-due}).
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileStatusJobConfiguration {

    public static final String JOB_NAME = "reconcileStatusJob";

    private static final Logger log = LoggerFactory.getLogger(ReconcileStatusJobConfiguration.class);

    /** Launches only when a status check is due; {@code DuePostWork} tells the due-work watcher when one comes due. */
    @Bean
    DuePostsCondition statusChecksDueCondition(DuePostProbe probe) {
        return new DuePostsCondition(JOB_NAME, probe, PostState.DUE_FOR_RECONCILIATION);
    }

    @Bean
    @StepScope
    LeasingInFlightReader inFlightPostsReader(InFlightPosts posts, PublishingProperties properties) {
        return new LeasingInFlightReader(posts, properties.reconciliation());
    }

    @Bean
    Step reconcileInFlightPostsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    LeasingInFlightReader inFlightPostsReader, StatusReconciler reconciler,
                                    AsyncTaskExecutor publishingTaskExecutor, PublishingProperties properties) {
        return new StepBuilder("reconcileInFlightPostsStep", jobRepository)
                .<InFlightPost, ReconcileOutcome>chunk(Math.max(1, properties.threads() * PublishingProperties.POSTS_PER_THREAD_IN_A_CHUNK))
                .reader(inFlightPostsReader)
                .processor(reconciler::reconcile)
                .writer(tally())
                .transactionManager(transactionManager)
                .taskExecutor(publishingTaskExecutor)
                .build();
    }

    @Bean
    Job reconcileStatusJob(JobRepository jobRepository, Step reconcileInFlightPostsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(reconcileInFlightPostsStep).build();
    }

    /** The states are committed by the reconciler; the chunk's writer only reports the tally. */
    private static ItemWriter<ReconcileOutcome> tally() {
        return outcomes -> {
            Map<ReconcileOutcome, Integer> tally = new EnumMap<>(ReconcileOutcome.class);
            outcomes.forEach(outcome -> tally.merge(outcome, 1, Integer::sum));
            log.info("Reconciled {} post(s): {}", outcomes.size(), tally);
        };
    }
}
