package dev.tiktokcalendar.cli;

import dev.tiktokcalendar.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CalendarCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsEveryCommand() {
        int exitCode = run("help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Usage: tiktok-calendar", "run", "Run the scheduler", "help");
    }

    @Test
    void unknownCommandPrintsUsageAndExitsWith2() {
        int exitCode = run("frobnicate");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate").contains("Usage: tiktok-calendar");
    }

    @Test
    void noCommandMeansRun() {
        assertThat(CalendarCli.DEFAULT_COMMAND).isEqualTo("run");
        assertThat(CalendarCli.commandLine().getSubcommands()).containsKey(CalendarCli.DEFAULT_COMMAND);
    }

    @Test
    void commandsAreDiscoveredFromTheClassPath() {
        assertThat(CalendarCli.discoverCommands()).extracting(command -> command.getClass().getSimpleName())
                .contains("RunCommand", "JobsCommand", "PostsCommand");
    }

    @Test
    void jobsRunRunsAJobOnceAndPrintsItsSteps() {
        int exitCode = run("jobs", "run", "purgeJobHistoryJob", "--spring.datasource.url=" + TestDatabase.sharedSchemaUrl(),
                "--spring.datasource.username=" + TestDatabase.username(), "--spring.datasource.password=" + TestDatabase.password());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("purgeJobHistoryJob: COMPLETED (COMPLETED)",
                "purgeFinishedExecutionsStep: COMPLETED, read 0, written");
    }

    @Test
    void jobsRunOfAnUnknownJobSaysWhichJobsExistAndExitsWith2() {
        int exitCode = run("jobs", "run", "noSuchJob", "--spring.datasource.url=" + TestDatabase.sharedSchemaUrl(),
                "--spring.datasource.username=" + TestDatabase.username(), "--spring.datasource.password=" + TestDatabase.password());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("No Spring Batch job named 'noSuchJob'; known jobs:", "purgeJobHistoryJob");
    }
}
