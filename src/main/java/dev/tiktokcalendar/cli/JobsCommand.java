package dev.tiktokcalendar.cli;

import dev.tiktokcalendar.scheduling.BatchJobLauncher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;

/** {@code jobs run <name>}: runs one Spring Batch job once, now, and prints how it went. */
@Command(name = "jobs", description = "Run a Spring Batch job once, now.", subcommands = JobsCommand.Run.class)
public class JobsCommand implements CalendarCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "run", description = "Run the named job once (e.g. purgeJobHistoryJob); exit 0 when it completed.")
    static class Run extends ContextSubcommand {

        @Parameters(index = "0", description = "job name")
        String jobName;

        @Override
        protected int run(CommandContext context, PrintWriter out, PrintWriter err) {
            BatchJobLauncher launcher = context.bean(BatchJobLauncher.class);
            try {
                launcher.job(jobName);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
            JobExecution execution = launcher.runNow(jobName, Instant.now());
            out.printf("%s: %s (%s)%n", jobName, execution.getStatus(), execution.getExitStatus().getExitCode());
            for (StepExecution step : execution.getStepExecutions()) {
                out.printf("  %s: %s, read %d, written %d, skipped %d%n", step.getStepName(), step.getStatus(),
                        step.getReadCount(), step.getWriteCount(), step.getSkipCount());
            }
            return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        }
    }
}
