package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.jobs.report.ReportRepository.Workspace;
import dev.tiktokcalendar.scheduling.BatchJobLauncher;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code reconciliationReportJob}: the day's report per workspace (see jobs/reconciliation-report/README.md).
 * <ol>
 *   <li>{@code collectReportPostsStep} streams the posts scheduled in the local day (a MySQL streaming cursor,
 *       so memory stays flat), classifies each one and writes it to its workspace's CSV and HTML rows;</li>
 *   <li>{@code publishReportsStep} adds the accounts, the actions and the cross-check with TikTok, and writes
 *       {@code report.html}, {@code posts.csv} and {@code summary.json} and the {@code reconciliation_report} row
 *       of every workspace in scope (also those without posts).</li>
 * </ol>
 * Job parameters: {@code date} (YYYY-MM-DD; else the day before {@code scheduledFireTime}, else yesterday),
 * {@code workspace} (a slug; else all), {@code outputDir} (else {@code calendar.report.output-dir}).
 */
@Configuration(proxyBeanMethods = false)
public class ReconciliationReportJobConfiguration {

    /** Status polls recorded by the pipeline as {@code post_event} API calls ({@code /v2/post/publish/status/fetch/}). */
    static final String STATUS_ENDPOINT_PATTERN = "%status%";

    static final String DAY_POSTS_SQL = """
            SELECT p.id, p.workspace_id, w.slug, p.account_id, a.username, a.zone_id, a.status AS account_status,
                   p.external_key, p.post_type, p.post_mode, p.state, p.state_reason, p.publish_at, p.caption,
                   p.tiktok_post_id, p.tiktok_url, p.fail_code, p.fail_message, p.fail_log_id, p.user_action,
                   p.init_sent_at, p.completed_at,
                   (SELECT COUNT(*) FROM post_event e
                    WHERE e.post_id = p.id AND e.kind = 'API_CALL' AND e.endpoint LIKE ?) AS status_calls
            FROM post p
            JOIN workspace w ON w.id = p.workspace_id
            JOIN tiktok_account a ON a.id = p.account_id
            WHERE p.publish_at >= ? AND p.publish_at < ? AND (? IS NULL OR w.slug = ?)
            ORDER BY w.slug, w.id, a.username, a.id, p.publish_at, p.id""";

    @Bean
    @JobScope
    ReportDrafts reportDrafts(@Value("#{jobParameters['" + ReportRequest.DATE + "']}") String date,
                              @Value("#{jobParameters['" + BatchJobLauncher.SCHEDULED_FIRE_TIME + "']}") Long scheduledFireTime,
                              @Value("#{jobParameters['" + ReportRequest.WORKSPACE + "']}") String workspace,
                              @Value("#{jobParameters['" + ReportRequest.OUTPUT_DIR + "']}") String outputDir,
                              ReportProperties properties, Clock clock) {
        return new ReportDrafts(ReportRequest.resolve(date, scheduledFireTime, workspace, outputDir, properties, clock));
    }

    /** Streams rows (fetch size MIN_VALUE on Connector/J); no restart state: the step always starts over. */
    @Bean
    @StepScope
    JdbcCursorItemReader<ReportPost> dayPostsReader(DataSource dataSource, ReportDrafts reportDrafts) {
        ReportRequest request = reportDrafts.request();
        return new JdbcCursorItemReaderBuilder<ReportPost>()
                .name("dayPostsReader")
                .dataSource(dataSource)
                .sql(DAY_POSTS_SQL)
                .queryArguments(STATUS_ENDPOINT_PATTERN, utc(request.dayStart()), utc(request.dayEnd()),
                        request.workspace(), request.workspace())
                .fetchSize(Integer.MIN_VALUE)
                .verifyCursorPosition(false)
                .saveState(false)
                .rowMapper((rs, row) -> reportPost(rs))
                .build();
    }

    @Bean
    ReportLineProcessor reportLineProcessor() {
        return new ReportLineProcessor();
    }

    @Bean
    @StepScope
    ReportPostsWriter reportPostsWriter(ReportDrafts reportDrafts) {
        return new ReportPostsWriter(reportDrafts);
    }

    @Bean
    Step collectReportPostsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                JdbcCursorItemReader<ReportPost> dayPostsReader, ReportLineProcessor reportLineProcessor,
                                ReportPostsWriter reportPostsWriter, ReportProperties properties) {
        return new StepBuilder("collectReportPostsStep", jobRepository)
                .<ReportPost, ReportLine>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(dayPostsReader)
                .processor(reportLineProcessor)
                .writer(reportPostsWriter)
                // the drafts live in memory for the next step: a restart must collect again
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    WorkspaceReportPublisher workspaceReportPublisher(ReportRepository reportRepository,
                                                      ObjectProvider<PublishedVideoSource> publishedVideoSource,
                                                      ReportProperties properties, Clock clock) {
        return new WorkspaceReportPublisher(reportRepository, publishedVideoSource.getIfAvailable(), properties, clock);
    }

    @Bean
    @StepScope
    Tasklet publishReportsTasklet(ReportDrafts reportDrafts, ReportRepository reportRepository,
                                  WorkspaceReportPublisher workspaceReportPublisher) {
        return (contribution, chunkContext) -> {
            ReportRequest request = reportDrafts.request();
            List<Workspace> workspaces = reportRepository.workspaces(request.workspace());
            if (workspaces.isEmpty() && request.workspace() != null) {
                throw new IllegalArgumentException("No workspace with slug '" + request.workspace() + "'");
            }
            Long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
            for (Workspace workspace : workspaces) {
                workspaceReportPublisher.publish(request, workspace, reportDrafts.of(workspace.id(), workspace.slug()),
                        jobExecutionId);
                contribution.incrementWriteCount(1);
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step publishReportsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            Tasklet publishReportsTasklet) {
        return new StepBuilder("publishReportsStep", jobRepository)
                .tasklet(publishReportsTasklet, transactionManager)
                .build();
    }

    @Bean
    Job reconciliationReportJob(JobRepository jobRepository, Step collectReportPostsStep, Step publishReportsStep) {
        return new JobBuilder("reconciliationReportJob", jobRepository)
                .start(collectReportPostsStep)
                .next(publishReportsStep)
                .build();
    }

    private static ReportPost reportPost(ResultSet rs) throws SQLException {
        return new ReportPost(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("slug"),
                rs.getLong("account_id"), rs.getString("username"), rs.getString("zone_id"),
                rs.getString("account_status"), rs.getString("external_key"), rs.getString("post_type"),
                rs.getString("post_mode"), PostState.valueOf(rs.getString("state")), rs.getString("state_reason"),
                instant(rs, "publish_at"), rs.getString("caption"), rs.getString("tiktok_post_id"),
                rs.getString("tiktok_url"), rs.getString("fail_code"), rs.getString("fail_message"),
                rs.getString("fail_log_id"), rs.getString("user_action"), instant(rs, "init_sent_at"),
                instant(rs, "completed_at"), rs.getInt("status_calls"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
