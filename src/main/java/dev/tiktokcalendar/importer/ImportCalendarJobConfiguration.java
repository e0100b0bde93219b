package dev.tiktokcalendar.importer;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code importCalendarJob}: imports one calendar file (issue 6). Steps:
 * <ol>
 *   <li>{@code prepareImportStep} fixes what to import (the {@code file} job parameter, or the oldest file of
 *       the inbox when the scheduler launched it) and records an {@code import_run};</li>
 *   <li>{@code checkCalendarFileStep} reads the whole file once: encoding, CSV structure, header. A file-level
 *       problem refuses the file before anything is written;</li>
 *   <li>{@code importCalendarRowsStep} streams the rows, checks each ({@link CalendarRowValidator}, on a thread of
 *       its own ahead of the writes: {@link CheckAheadRowReader}), skips and records refused rows, and upserts
 *       the good ones chunk by chunk ({@link CalendarPostWriter});</li>
 *   <li>{@code dailyCapWarningStep} warns about accounts over TikTok's daily cap;</li>
 *   <li>{@code finishImportStep} writes the counts, and for inbox files the report, and moves the file.</li>
 * </ol>
 * Restartable: the reader's position and the writer's counters are saved with every chunk.
 */
@Configuration(proxyBeanMethods = false)
public class ImportCalendarJobConfiguration {

    public static final String JOB_NAME = "importCalendarJob";
    static final String FILE_REJECTED = "FILE_REJECTED";
    static final String NOTHING_TO_DO = "NOOP";

    @Bean
    InboxFolder importInboxFolder(ImportProperties properties) {
        return new InboxFolder(properties);
    }

    @Bean
    @JobScope
    DailyCapTracker dailyCapTracker() {
        return new DailyCapTracker();
    }

    @Bean
    Tasklet prepareImportTasklet(ImportRunRepository runs, InboxFolder inbox, Clock clock) {
        return (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            JobExecution job = step.getJobExecution();
            JobParameters parameters = job.getJobParameters();
            String file = parameters.getString(ImportJobParameters.FILE);
            CalendarFormat format;
            String workspace = parameters.getString(ImportJobParameters.WORKSPACE);
            Path path;
            boolean fromInbox = file == null;
            if (fromInbox) {
                InboxFolder.Claimed claimed = inbox.claim();
                if (claimed == null) {
                    contribution.setExitStatus(new ExitStatus(NOTHING_TO_DO));
                    return RepeatStatus.FINISHED;
                }
                path = claimed.file();
                format = claimed.format();
                workspace = claimed.workspace();
            } else {
                path = Path.of(file);
                format = CalendarFormat.of(parameters.getString(ImportJobParameters.FORMAT, "native"));
            }
            boolean dryRun = Boolean.parseBoolean(parameters.getString(ImportJobParameters.DRY_RUN, "false"));
            Long workspaceId = workspace == null ? singleWorkspace(runs) : runs.workspaceId(workspace).orElse(null);
            long runId = runs.create(workspaceId, path.toString(), parameters.getString(ImportJobParameters.SHA256),
                    format.id(), dryRun, job.getId(), clock.instant());
            ImportDefaults defaults = new ImportDefaults(parameters.getString(ImportJobParameters.ACCOUNT),
                    parameters.getString(ImportJobParameters.TIMEZONE), parameters.getString(ImportJobParameters.PRIVACY),
                    !"mdy".equalsIgnoreCase(parameters.getString(ImportJobParameters.DATE_ORDER, "dmy")));
            new ImportRequest(runId, path, format, workspaceId == null ? 0 : workspaceId, dryRun, defaults, fromInbox)
                    .storeIn(job.getExecutionContext());
            if (workspaceId == null) {
                runs.refuseFile(runId, workspace == null ? "no --workspace given and the database does not hold exactly one workspace"
                        : "no workspace '" + workspace + "'", clock.instant());
                contribution.setExitStatus(new ExitStatus(FILE_REJECTED));
            }
            return RepeatStatus.FINISHED;
        };
    }

    private static Long singleWorkspace(ImportRunRepository runs) {
        List<String> slugs = runs.workspaceSlugs();
        return slugs.size() == 1 ? runs.workspaceId(slugs.get(0)).orElse(null) : null;
    }

    @Bean
    Step prepareImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet prepareImportTasklet) {
        return new StepBuilder("prepareImportStep", jobRepository).tasklet(prepareImportTasklet, transactionManager).build();
    }

    @Bean
    Tasklet checkCalendarFileTasklet(ImportRunRepository runs, Clock clock) {
        return (contribution, chunkContext) -> {
            ImportRequest request = ImportRequest.from(contribution.getStepExecution().getJobExecution().getExecutionContext());
            try {
                List<String> header = CalendarFileCheck.check(request.file(), request.format(), request.defaults());
                runs.saveHeader(request.runId(), header);
            } catch (IOException e) {
                String name = request.file().getFileName().toString();
                runs.refuseFile(request.runId(), e instanceof CalendarFileException file ? file.describe(name)
                        : name + ": cannot be read: " + e, clock.instant());
                contribution.setExitStatus(new ExitStatus(FILE_REJECTED));
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step checkCalendarFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               Tasklet checkCalendarFileTasklet) {
        return new StepBuilder("checkCalendarFileStep", jobRepository).tasklet(checkCalendarFileTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    CheckAheadRowReader calendarRowReader(@Value("#{stepExecution}") StepExecution stepExecution, JdbcClient jdbc,
                                          ImportProperties properties, LocalInfileSupport localInfile) {
        ImportRequest request = request(stepExecution);
        CalendarRowValidator validator = new CalendarRowValidator(AccountDirectory.load(jdbc, request.workspaceId()),
                new MediaChecker(properties.mediaRoot()));
        UnaryOperator<PostDraft> renderAhead = request.dryRun() || !loadsNewPosts(properties, localInfile)
                ? UnaryOperator.identity()
                : draft -> draft.withNewPostText(ImportedPosts.newPostText(draft, request.workspaceId(), request.runId()));
        CheckAheadRowReader reader = new CheckAheadRowReader(request, validator, renderAhead, properties.chunkSize());
        reader.setName("calendarRowReader");
        return reader;
    }

    @Bean
    @StepScope
    ItemProcessor<CheckedRow, PostDraft> calendarRowProcessor(DailyCapTracker dailyCapTracker) {
        return checked -> {
            if (checked.isIgnored()) {
                return null;
            }
            PostDraft draft = checked.draftOrThrow();
            if (draft.isDirect()) {
                dailyCapTracker.add(draft.accountId(), draft.accountName(), draft.publishAt(), draft.line());
            }
            return draft;
        };
    }

    @Bean
    @StepScope
    CalendarPostWriter calendarPostWriter(@Value("#{stepExecution}") StepExecution stepExecution, JdbcTemplate jdbc,
                                          ConsecutiveInsertIds consecutiveInsertIds, LocalInfileSupport localInfile,
                                          ImportProperties properties, ImportRunRepository runs, Clock clock) {
        ImportRequest request = request(stepExecution);
        boolean consecutiveIds = consecutiveInsertIds.guaranteed();
        NewRows newRows = loadsNewPosts(properties, localInfile) ? new LocalInfileLoads(jdbc, consecutiveIds)
                : new MultiRowInserts(jdbc, consecutiveIds);
        ImportedPosts posts = new ImportedPosts(jdbc, newRows, request.workspaceId(), request.runId());
        return new CalendarPostWriter(posts, runs, request, clock);
    }

    @Bean
    @StepScope
    SkipListener<CheckedRow, PostDraft> refusedRowRecorder(@Value("#{stepExecution}") StepExecution stepExecution,
                                                           ImportRunRepository runs) {
        long runId = request(stepExecution).runId();
        return new SkipListener<>() {
            @Override
            public void onSkipInProcess(CheckedRow checked, Throwable t) {
                if (t instanceof RowRejectedException rejected) {
                    runs.addProblems(runId, rejected.problems(), checked.row().cells());
                }
            }
        };
    }

    @Bean
    Step importCalendarRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                ImportProperties properties, CheckAheadRowReader calendarRowReader,
                                ItemProcessor<CheckedRow, PostDraft> calendarRowProcessor,
                                CalendarPostWriter calendarPostWriter,
                                SkipListener<CheckedRow, PostDraft> refusedRowRecorder, ImportProgress progress) {
        return new StepBuilder("importCalendarRowsStep", jobRepository)
                .<CheckedRow, PostDraft>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(calendarRowReader)
                .processor(calendarRowProcessor)
                .writer(calendarPostWriter)
                .stream(calendarPostWriter)
                .listener(progress)
                .faultTolerant()
                // a refused row is skipped (and recorded); every other exception fails the step, to be restarted
                .skip(RowRejectedException.class)
                .skipLimit(Long.MAX_VALUE)
                .skipListener(refusedRowRecorder)
                .build();
    }

    @Bean
    Tasklet dailyCapWarningTasklet(DailyCapTracker dailyCapTracker, ImportRunRepository runs, ImportProperties properties) {
        return (contribution, chunkContext) -> {
            ImportRequest request = ImportRequest.from(contribution.getStepExecution().getJobExecution().getExecutionContext());
            for (RowProblem warning : dailyCapTracker.warnings(properties.dailyCapWarning())) {
                runs.addProblems(request.runId(), List.of(warning), null);
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step dailyCapWarningStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Tasklet dailyCapWarningTasklet) {
        return new StepBuilder("dailyCapWarningStep", jobRepository).tasklet(dailyCapWarningTasklet, transactionManager).build();
    }

    @Bean
    Tasklet finishImportTasklet(ImportRunRepository runs, InboxFolder inbox, Clock clock) {
        return (contribution, chunkContext) -> {
            JobExecution job = contribution.getStepExecution().getJobExecution();
            ImportRequest request = ImportRequest.from(job.getExecutionContext());
            StepExecution rows = job.getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("importCalendarRowsStep"))
                    .reduce((a, b) -> b).orElse(null);
            boolean refusedFile = runs.find(request.runId()).map(r -> r.fileError() != null).orElse(true);
            int rejected = 0;
            if (!refusedFile && rows != null) {
                rejected = (int) rows.getProcessSkipCount() + CalendarPostWriter.counter(rows.getExecutionContext(), "refused");
                runs.finish(request.runId(), "COMPLETED", (int) rows.getReadCount(),
                        CalendarPostWriter.counter(rows.getExecutionContext(), "added"),
                        CalendarPostWriter.counter(rows.getExecutionContext(), "updated"),
                        CalendarPostWriter.counter(rows.getExecutionContext(), "unchanged"),
                        rejected, (int) rows.getFilterCount(), clock.instant());
            }
            if (request.fromInbox()) {
                Path moved = inbox.finish(request.file(),
                        request.file().getParent().getParent().getFileName().toString(), !refusedFile && rejected == 0);
                writeReports(runs, request.runId(), moved);
            }
            return RepeatStatus.FINISHED;
        };
    }

    private static void writeReports(ImportRunRepository runs, long runId, Path moved) throws IOException {
        try (Writer errors = Files.newBufferedWriter(moved.resolveSibling(moved.getFileName() + ".errors.csv"), StandardCharsets.UTF_8)) {
            ImportErrorReport.write(runs, runId, moved.getFileName().toString(), errors);
        }
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".report.txt"),
                ImportSummary.of(runs.find(runId).orElseThrow()).text(moved.getFileName().toString()), StandardCharsets.UTF_8);
    }

    @Bean
    Step finishImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet finishImportTasklet) {
        return new StepBuilder("finishImportStep", jobRepository).tasklet(finishImportTasklet, transactionManager).build();
    }

    @Bean
    Job importCalendarJob(JobRepository jobRepository, Step prepareImportStep, Step checkCalendarFileStep,
                          Step importCalendarRowsStep, Step dailyCapWarningStep, Step finishImportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(prepareImportStep).on(NOTHING_TO_DO).end()
                .from(prepareImportStep).on(FILE_REJECTED).to(finishImportStep)
                .from(prepareImportStep).on(ExitStatus.COMPLETED.getExitCode()).to(checkCalendarFileStep)
                .from(checkCalendarFileStep).on(FILE_REJECTED).to(finishImportStep)
                .from(checkCalendarFileStep).on(ExitStatus.COMPLETED.getExitCode()).to(importCalendarRowsStep)
                .from(importCalendarRowsStep).on(ExitStatus.COMPLETED.getExitCode()).to(dailyCapWarningStep)
                .from(dailyCapWarningStep).on(ExitStatus.COMPLETED.getExitCode()).to(finishImportStep)
                .end()
                .build();
    }

    private static boolean loadsNewPosts(ImportProperties properties, LocalInfileSupport localInfile) {
        return properties.loadDataLocal() && localInfile.available();
    }

    private static ImportRequest request(StepExecution stepExecution) {
        return ImportRequest.from(stepExecution.getJobExecution().getExecutionContext());
    }
}
