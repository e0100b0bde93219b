package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.cli.CalendarCommand;
import dev.tiktokcalendar.cli.CommandContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report [--date YYYY-MM-DD] [--workspace W] [--out DIR]}: runs {@code reconciliationReportJob} now, in a
 * non-web context whose scheduler does not start. Exit 0 when the job completed, 1 otherwise.
 */
@Command(name = "report", description = "Write the reconciliation report of a day (default: yesterday in calendar.report.zone).")
public class ReportCommand implements CalendarCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the local day to report (default: yesterday)")
    LocalDate date;

    @Option(names = "--workspace", paramLabel = "W", description = "the workspace slug (default: every workspace)")
    String workspace;

    @Option(names = "--out", paramLabel = "DIR", description = "write under DIR/reports/… instead of calendar.report.output-dir")
    Path out;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        try (CommandContext context = CommandContext.start(springArguments)) {
            Clock clock = context.bean(Clock.class);
            ReportRequest request = ReportRequest.resolve(date == null ? null : date.toString(), null, workspace,
                    out == null ? null : out.toString(), context.bean(ReportProperties.class), clock);
            JobParametersBuilder parameters = new JobParametersBuilder()
                    .addString(ReportRequest.DATE, request.date().toString())
                    .addString(ReportRequest.OUTPUT_DIR, request.outputDir().toString(), false)
                    // a report may be asked for again: each request is its own job instance
                    .addLong("requestedAt", clock.millis());
            if (request.workspace() != null) {
                parameters.addString(ReportRequest.WORKSPACE, request.workspace());
            }
            JobExecution execution = context.bean(JobOperator.class)
                    .start(context.bean("reconciliationReportJob", Job.class), parameters.toJobParameters());
            stdout.println("reconciliationReportJob " + execution.getStatus() + " for " + request.date() + " ("
                    + request.zone() + "): " + request.outputDir().resolve("reports").resolve(request.date().toString()));
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                execution.getAllFailureExceptions().forEach(e -> spec.commandLine().getErr().println(e.getMessage()));
                return 1;
            }
            return 0;
        }
    }
}
