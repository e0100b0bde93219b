package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.jobs.report.PublishedVideoSource.PublishedVideo;
import dev.tiktokcalendar.scheduling.BatchJobLauncher;
import dev.tiktokcalendar.support.DatabaseTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "calendar.report.output-dir=target/report-job-test")
@SpringBatchTest
class ReconciliationReportJobTest extends DatabaseTest {

    /** TikTok's public videos per account id; an account mapped to null fails to list. */
    static final Map<Long, List<PublishedVideo>> TIKTOK = new ConcurrentHashMap<>();
    static final Map<Long, Boolean> UNAVAILABLE = new ConcurrentHashMap<>();

    /** Primary over the TikTok client's adapter ({@link TikTokPublishedVideoSource}). */
    @TestConfiguration
    static class FakeTikTok {
        @Bean
        @Primary
        PublishedVideoSource publishedVideoSource() {
            return (account, from, to) -> {
                if (UNAVAILABLE.containsKey(account.accountId())) {
                    throw new IllegalStateException("access_token_invalid");
                }
                return TIKTOK.getOrDefault(account.accountId(), List.of()).stream()
                        .filter(v -> !v.createTime().isBefore(from) && v.createTime().isBefore(to)).toList();
            };
        }
    }

    @Autowired
    JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BatchJobLauncher launcher;

    @Autowired
    @Qualifier("reconciliationReportJob")
    Job reconciliationReportJob;

    @TempDir
    Path out;

    ReportDay day;

    @BeforeEach
    void givenADayWithEveryState() {
        day = new ReportDay(jdbc);
        TIKTOK.put(day.alice, day.aliceOnTikTok);
        UNAVAILABLE.put(day.carol, true);
        jobOperatorTestUtils.setJob(reconciliationReportJob);
    }

    @Test
    void reportsCountsRowsUrlsActionsAndCrossCheckFindings() throws Exception {
        JobExecution execution = jobOperatorTestUtils.startJob(parameters("first"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution collect = Steps.named(execution, "collectReportPostsStep");
        assertThat(collect.getReadCount()).isEqualTo(12);
        assertThat(collect.getWriteCount()).isEqualTo(12);
        assertThat(collect.getFilterCount()).isZero();
        assertThat(collect.getSkipCount()).isZero();
        StepExecution publish = Steps.named(execution, "publishReportsStep");
        assertThat(publish.getWriteCount()).isEqualTo(1);
        assertThat(publish.getSkipCount()).isZero();

        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(dir().resolve("summary.json")));
        assertThat(summary.get("date").asString()).isEqualTo("2031-03-14");
        assertThat(summary.get("posts").asInt()).isEqualTo(12);
        JsonNode counts = summary.get("counts");
        assertThat(counts.get("PUBLISHED").asInt()).isEqualTo(2);
        assertThat(counts.get("PUBLISHED_NO_PUBLIC_ID").asInt()).isEqualTo(1);
        assertThat(counts.get("IN_INBOX").asInt()).isEqualTo(1);
        assertThat(counts.get("DEFERRED").asInt()).isEqualTo(1);
        assertThat(counts.get("HELD").asInt()).isEqualTo(1);
        assertThat(counts.get("UNKNOWN").asInt()).isEqualTo(1);
        assertThat(counts.get("FAILED").asInt()).isEqualTo(2);
        assertThat(counts.get("CANCELLED").asInt()).isEqualTo(1);
        assertThat(counts.get("PENDING").asInt()).isEqualTo(2);
        // lateness of the three published posts: 30 s, 120 s, 600 s
        assertThat(summary.at("/lateness/p50Seconds").asLong()).isEqualTo(120);
        assertThat(summary.at("/lateness/p95Seconds").asLong()).isEqualTo(600);
        assertThat(summary.at("/lateness/maxSeconds").asLong()).isEqualTo(600);
        // 2 + 4 status polls (the init call is not one) over 3 published posts
        assertThat(summary.get("statusCalls").asLong()).isEqualTo(6);
        assertThat(summary.get("statusCallsPerPublishedPost").asDouble()).isEqualTo(2.0);

        assertThat(texts(summary.get("accountsNeedingAttention"), "username")).containsExactly("bob", "carol");
        assertThat(summary.at("/accountsNeedingAttention/0/action").asString()).startsWith("Reconnect the account");
        assertThat(summary.at("/accountsNeedingAttention/1/refreshTokenExpiresAt").asString()).isEqualTo("2031-03-18T00:00:00Z");

        assertThat(texts(summary.get("actionsByCode"), "code")).containsExactly("(no code: held)", "(no code: still pending)",
                "(no code: unknown)", "frame_rate_check_failed", "spam_risk_text", "spam_risk_too_many_posts");
        assertThat(actionOf(summary, "frame_rate_check_failed")).contains("30 fps");
        assertThat(actionOf(summary, "spam_risk_too_many_posts")).contains("Daily post cap");
        assertThat(actionOf(summary, "(no code: held)")).startsWith("Reconnect the account");

        JsonNode findings = summary.at("/crossCheck/findings");
        assertThat(texts(findings, "kind")).containsExactly("CHECK_FAILED", "MISSING_ON_TIKTOK", "UNKNOWN_TO_CALENDAR");
        assertThat(findings.at("/0/username").asString()).isEqualTo("carol");
        assertThat(findings.at("/1/postId").asLong()).isEqualTo(day.posts.get("publishedMissing"));
        assertThat(findings.at("/1/tiktokId").asString()).isEqualTo("7002");
        assertThat(findings.at("/2/tiktokId").asString()).isEqualTo("7999");
        assertThat(findings.at("/2/url").asString()).isEqualTo("https://www.tiktok.com/@alice/video/7999");
        assertThat(summary.at("/crossCheck/accountsChecked").asInt()).isEqualTo(1);

        List<CSVRecord> rows = csv();
        assertThat(rows).hasSize(12);
        CSVRecord published = row(rows, day.posts.get("published"));
        assertThat(published.get("tiktok_url")).isEqualTo("https://www.tiktok.com/@alice/video/7001");
        assertThat(published.get("lateness_s")).isEqualTo("30");
        assertThat(published.get("status_calls")).isEqualTo("2");
        assertThat(published.get("scheduled_local")).isEqualTo("2031-03-14 10:00");
        assertThat(published.get("account_zone")).isEqualTo("Europe/Berlin");
        CSVRecord failed = row(rows, day.posts.get("failed"));
        assertThat(failed.get("fail_code")).isEqualTo("frame_rate_check_failed");
        assertThat(failed.get("log_id")).isEqualTo("LOG123");
        assertThat(failed.get("action")).contains("30 fps");
        assertThat(row(rows, day.posts.get("held")).get("action")).startsWith("Reconnect the account");

        assertThat(jdbc.sql("SELECT posts FROM reconciliation_report WHERE workspace_slug = ? AND report_date = ?")
                .params(day.slug, ReportDay.DATE).query(Integer.class).single()).isEqualTo(12);
    }

    @Test
    void csvNeutralisesAFormulaCaption() throws Exception {
        jobOperatorTestUtils.startJob(parameters("csv"));

        CSVRecord injected = row(csv(), day.posts.get("injected"));

        assertThat(injected.get("caption")).isEqualTo("'" + ReportDay.INJECTION_CAPTION);
        assertThat(injected.get("action")).contains("caption");
    }

    @Test
    void htmlParsesWithoutErrorsAndHoldsTheChart() throws Exception {
        jobOperatorTestUtils.startJob(parameters("html"));
        String html = Files.readString(dir().resolve("report.html"));

        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document document = parser.parseInput(html, "");

        assertThat(parser.getErrors()).isEmpty();
        assertThat(document.select("script")).isEmpty();
        assertThat(document.select("link, img, [src]")).isEmpty();
        assertThat(document.select("section#chart svg rect.bar")).isNotEmpty();
        assertThat(document.select("section#chart svg title").eachText()).contains("09:00 published: 1", "15:00 failed: 1");
        assertThat(document.select("section#published tbody tr")).hasSize(3);
        assertThat(document.select("section#problems tbody tr")).hasSize(7);
        assertThat(document.select("section#published a[href]").eachAttr("href"))
                .contains("https://www.tiktok.com/@alice/video/7001");
        assertThat(document.text()).contains(ReportDay.INJECTION_CAPTION.substring(0, 0) + "Re-encode the video at 30 fps");
    }

    @Test
    void runningTwiceForADayGivesTheSameFiles() throws Exception {
        jobOperatorTestUtils.startJob(parameters("once"));
        byte[] html = Files.readAllBytes(dir().resolve("report.html"));
        byte[] csv = Files.readAllBytes(dir().resolve("posts.csv"));
        byte[] json = Files.readAllBytes(dir().resolve("summary.json"));

        JobExecution again = jobOperatorTestUtils.startJob(parameters("twice"));

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(dir().resolve("report.html")).hasBinaryContent(html);
        assertThat(dir().resolve("posts.csv")).hasBinaryContent(csv);
        assertThat(dir().resolve("summary.json")).hasBinaryContent(json);
        try (var files = Files.list(dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("posts.csv", "report.html", "summary.json");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reconciliation_report WHERE workspace_slug = ?")
                .param(day.slug).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aQuartzTickAt2InTheMorningReportsThePreviousDayOnceForEveryWorkspace() throws Exception {
        Instant tick = Instant.parse("2031-03-15T02:00:00Z");

        Optional<JobExecution> first = launcher.launchTick("reconciliationReportJob", tick);
        Optional<JobExecution> again = launcher.launchTick("reconciliationReportJob", tick);

        assertThat(first).get().extracting(JobExecution::getStatus).isEqualTo(BatchStatus.COMPLETED);
        assertThat(again).isEmpty();
        Path summary = Path.of("target/report-job-test/reports/2031-03-14").resolve(day.slug).resolve("summary.json");
        assertThat(summary).content().contains("\"date\" : \"2031-03-14\"", "\"posts\" : 12");
        assertThat(Steps.named(first.get(), "publishReportsStep").getWriteCount())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM workspace").query(Long.class).single());
    }

    private JobParameters parameters(String run) {
        return new JobParametersBuilder()
                .addString(ReportRequest.DATE, ReportDay.DATE.toString())
                .addString(ReportRequest.WORKSPACE, day.slug)
                .addString(ReportRequest.OUTPUT_DIR, out.toString(), false)
                .addString("run", run)
                .toJobParameters();
    }

    private Path dir() {
        return out.resolve("reports").resolve("2031-03-14").resolve(day.slug);
    }

    private List<CSVRecord> csv() throws Exception {
        try (Reader reader = Files.newBufferedReader(dir().resolve("posts.csv"));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private static CSVRecord row(List<CSVRecord> rows, long postId) {
        return rows.stream().filter(r -> r.get("post_id").equals(Long.toString(postId))).findFirst().orElseThrow();
    }

    /** Not a method of the test class: @SpringBatchTest takes any method returning StepExecution for a factory. */
    static final class Steps {
        static StepExecution named(JobExecution execution, String name) {
            return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asString()).toList();
    }

    private static String actionOf(JsonNode summary, String code) {
        return StreamSupport.stream(summary.get("actionsByCode").spliterator(), false)
                .filter(n -> n.get("code").asString().equals(code)).findFirst().orElseThrow().get("action").asString();
    }
}
