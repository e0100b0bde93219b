package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.cli.CalendarCli;
import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code report} command, run as from the command line against the (migrated) test database. */
@SpringBootTest
class ReportCommandTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path out;

    @Test
    void writesTheReportOfTheGivenDayAndWorkspaceAndMayBeRunAgain() {
        ReportDay day = new ReportDay(jdbc);
        StringWriter stdout = new StringWriter();
        String[] args = {"report", "--date", "2031-03-14", "--workspace", day.slug, "--out", out.toString(),
                "--spring.datasource.url=" + TestDatabase.sharedSchemaUrl(),
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.main.banner-mode=off"};

        int first = CalendarCli.execute(new PrintWriter(stdout, true), new PrintWriter(new StringWriter(), true), args);
        int second = CalendarCli.execute(new PrintWriter(stdout, true), new PrintWriter(new StringWriter(), true), args);

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(stdout.toString()).contains("reconciliationReportJob COMPLETED for 2031-03-14");
        Path dir = out.resolve("reports/2031-03-14").resolve(day.slug);
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        assertThat(dir.resolve("posts.csv")).isNotEmptyFile();
        assertThat(dir.resolve("summary.json")).content().contains("\"posts\" : 12");
    }

    @Test
    void anUnknownWorkspaceFailsWithExitCodeOne() {
        StringWriter stderr = new StringWriter();
        int exit = CalendarCli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(stderr, true),
                "report", "--date", "2031-03-14", "--workspace", "no-such-workspace", "--out", out.toString(),
                "--spring.datasource.url=" + TestDatabase.sharedSchemaUrl(),
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + TestDatabase.password());

        assertThat(exit).as(stderr.toString()).isEqualTo(1);
        assertThat(stderr.toString()).contains("No workspace with slug 'no-such-workspace'");
    }
}
