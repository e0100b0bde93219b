package dev.tiktokcalendar.web;

import dev.tiktokcalendar.web.security.ConsoleUsers;
import org.springframework.web.server.ResponseStatusException;
import java.security.Principal;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class ReportControllerTest extends DatabaseTest {

    @Autowired
    ReportController controller;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("reconciliationReportJob")
    Job reconciliationReportJob;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsoleUsers users;

    @TempDir
    Path out;

    @Test
    void listsStoredReportsAndServesTheirHtmlCsvAndJson() throws Exception {
        String slug = "web-" + UUID.randomUUID().toString().substring(0, 8);
        CalendarFixtures fixtures = new CalendarFixtures(jdbc);
        long workspace = fixtures.workspace(slug);
        fixtures.post(workspace, fixtures.account(workspace, "dora"), "FAILED", Instant.parse("2031-04-02T10:00:00Z"));
        assertThat(jobOperator.start(reconciliationReportJob, new JobParametersBuilder()
                .addString("date", "2031-04-02").addString("workspace", slug)
                .addString("outputDir", out.toString(), false).toJobParameters()).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        String admin = "reports-admin-" + UUID.randomUUID();
        users.create(admin, "a long enough password", true);
        Principal viewer = () -> admin;
        String outsiderName = "outsider-" + UUID.randomUUID();
        users.create(outsiderName, "a long enough password", false);
        Principal outsider = () -> outsiderName;

        Document list = Jsoup.parse(controller.list(viewer));
        assertThat(list.select("a[href=/reports/2031-04-02/" + slug + "]")).hasSize(1);
        assertThat(Jsoup.parse(controller.list(outsider)).select("a[href=/reports/2031-04-02/" + slug + "]"))
                .as("a user without a role in the workspace does not see its reports").isEmpty();
        assertThatThrownBy(() -> controller.show(outsider, "2031-04-02", slug + ".csv"))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));

        ResponseEntity<String> html = controller.show(viewer, "2031-04-02", slug);
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(html.getBody()).isEqualTo(Files.readString(out.resolve("reports/2031-04-02").resolve(slug).resolve("report.html")));
        assertThat(controller.show(viewer, "2031-04-02", slug + ".csv").getBody()).startsWith("post_id,account,");
        assertThat(controller.show(viewer, "2031-04-02", slug + ".json").getBody()).contains("\"posts\" : 1");
        assertThat(controller.show(viewer, "2031-04-03", slug).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(controller.show(viewer, "not-a-date", slug).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
