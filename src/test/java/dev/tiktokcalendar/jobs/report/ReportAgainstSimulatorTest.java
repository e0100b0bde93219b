package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.simulator.TikTokSimulatorExtension;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the job's cross-check asks the TikTok client (the application's beans) for an account's videos on
 * the simulator over HTTP, and reports the calendar's post TikTok does not list and the video it does not know.
 */
@SpringBootTest(properties = {"calendar.simulator.embedded=false",
        "calendar.encryption-key=q6ZzV0m7t0b3cXv1mYQ8x0B2F7m3n8k1pQ4r6s9u2wE="})
class ReportAgainstSimulatorTest extends DatabaseTest {

    @RegisterExtension
    static TikTokSimulatorExtension sim = TikTokSimulatorExtension.withWorld(new World(WorldApp.defaults(),
            List.of(WorldCreator.named("erin")),
            SimulatorSettings.builder().processingDelay(Duration.ofMillis(50)).moderationDelay(Duration.ofMillis(50))
                    .rateLimits(RateLimitSettings.defaults().withLimits(100, 1000, 20, 600)).build()));

    @DynamicPropertySource
    static void tiktok(DynamicPropertyRegistry registry) {
        registry.add("tiktok.api-base-url", () -> sim.simulator().baseUrl());
        registry.add("tiktok.auth-base-url", () -> sim.simulator().baseUrl());
        registry.add("tiktok.client-key", () -> sim.simulator().world().app().clientKey());
        registry.add("tiktok.client-secret", () -> sim.simulator().world().app().clientSecret());
    }

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("reconciliationReportJob")
    Job reconciliationReportJob;

    @Autowired
    TikTokClient client;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path out;

    @Test
    void theNightlyCrossCheckFindsWhatTikTokAndTheCalendarDisagreeOn() throws Exception {
        String slug = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        CalendarFixtures fixtures = new CalendarFixtures(jdbc);
        long workspace = fixtures.workspace(slug);
        long erin = fixtures.account(workspace, "erin");
        IssuedTokens issued = sim.simulator().issueTokens("erin", "user.info.basic", "video.publish", "video.list");
        jdbc.sql("UPDATE tiktok_account SET open_id = ? WHERE id = ?").params(issued.openId(), erin).update();
        tokenStore.save(erin, ClientFixture.grant(issued, Instant.now()), Instant.now());
        String tracked = SimPublishing.publishPublicly(client, erin, out.resolve("a.mp4"), "from the calendar");
        String byHand = SimPublishing.publishPublicly(client, erin, out.resolve("b.mp4"), "posted by hand");
        Instant now = Instant.now();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long published = fixtures.post(workspace, erin, "PUBLISHED", now.minusSeconds(30));
        long gone = fixtures.post(workspace, erin, "PUBLISHED", now.minusSeconds(20));
        jdbc.sql("UPDATE post SET tiktok_post_id = ?, completed_at = ? WHERE id = ?")
                .params(tracked, LocalDateTime.ofInstant(now, ZoneOffset.UTC), published).update();
        jdbc.sql("UPDATE post SET tiktok_post_id = '7000000000000000042', completed_at = ? WHERE id = ?")
                .params(LocalDateTime.ofInstant(now, ZoneOffset.UTC), gone).update();

        JobExecution execution = jobOperator.start(reconciliationReportJob, new JobParametersBuilder()
                .addString(ReportRequest.DATE, day.toString()).addString(ReportRequest.WORKSPACE, slug)
                .addString(ReportRequest.OUTPUT_DIR, out.toString(), false).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(
                out.resolve("reports").resolve(day.toString()).resolve(slug).resolve("summary.json")));
        assertThat(summary.at("/accounts/0/crossCheck").asString()).isEqualTo("checked: 2 public videos listed");
        List<String> findings = StreamSupport.stream(summary.at("/crossCheck/findings").spliterator(), false)
                .map(f -> f.get("kind").asString() + " " + f.get("tiktokId").asString()).toList();
        assertThat(findings).containsExactly("MISSING_ON_TIKTOK 7000000000000000042", "UNKNOWN_TO_CALENDAR " + byHand);
    }
}
