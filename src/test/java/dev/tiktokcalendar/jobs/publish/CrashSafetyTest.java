package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.TiktokCalendar;
import dev.tiktokcalendar.TiktokCalendarApplication;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.fault.EndpointFaults;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.publish.PublishStatus;
import dev.tiktokcalendar.simulator.publish.PublishView;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.support.TestDatabase;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application runs as a separate process and is killed with SIGKILL twenty times at random moments (seeded)
 * while it publishes 200 public posts of 10 creators through the simulator, then restarted once more to finish.
 * Afterwards every post is published, each exactly once on TikTok: no duplicate, none lost. Slow init and upload
 * answers widen the windows in which a kill leaves an init or an upload half done; time is scaled 30x.
 */
class CrashSafetyTest {

    private static final String SCHEMA = TestDatabase.newSchema("crash_safety");
    private static final int CREATORS = 10;
    private static final int POSTS_PER_CREATOR = 20;
    private static final int KILLS = 20;
    private static final long SEED = 20261126L;

    private TikTokSimulator sim;
    private Process node;
    private SimulatedCalendar calendar;

    @AfterEach
    void stop() {
        if (node != null) {
            node.destroyForcibly();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void killedTwentyTimesWithSigkillTheAppPublishesEveryPostExactlyOnce() throws Exception {
        sim = TikTokSimulator.builder().world(world()).start();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(SCHEMA, TestDatabase.username(), TestDatabase.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        calendar = new SimulatedCalendar(SCHEMA, sim, jdbc);
        Path work = Files.createTempDirectory("crash-safety");
        Path mediaRoot = Files.createDirectories(work.resolve("media"));
        Files.copy(Path.of("src/test/resources/media/ok-h264-360x640-30fps-1s.mp4"), mediaRoot.resolve("clip.mp4"));

        long workspace = calendar.workspace("Crash");
        Map<String, Long> accounts = connectAccounts(workspace);
        Instant due = Instant.now();
        for (String creator : accounts.keySet()) {
            for (int i = 0; i < POSTS_PER_CREATOR; i++) {
                calendar.directVideo(workspace, accounts.get(creator), "PUBLIC_TO_EVERYONE", creator + " post " + i,
                        due.plusMillis(i * 100L), "clip.mp4");
            }
        }

        Random random = new Random(SEED);
        for (int kill = 1; kill <= KILLS; kill++) {
            node = startNode(work, mediaRoot, kill);
            awaitStarted(work.resolve("node-" + kill + ".log"));
            // every third kill hits an init in flight, every third an upload in flight, the rest any moment
            switch (kill % 3) {
                case 0 -> awaitAPostIn(jdbc, "INIT_IN_FLIGHT");
                case 1 -> awaitAPostIn(jdbc, "UPLOADING");
                default -> { }
            }
            Thread.sleep(random.nextInt(kill % 3 == 2 ? 2500 : 150));
            node.destroyForcibly().waitFor();
        }
        node = startNode(work, mediaRoot, KILLS + 1);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT CONCAT(id, ' ', state, ': ', COALESCE(state_reason, '')) FROM post "
                                + "WHERE state NOT IN ('PUBLISHED', 'FAILED', 'CANCELLED')")
                        .query(String.class).list()).as("posts not final").isEmpty());

        assertThat(sim.duplicates()).as("duplicate posts on TikTok").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post WHERE state = 'PUBLISHED' AND tiktok_url IS NOT NULL")
                .query(Integer.class).single()).as("published posts with their URL").isEqualTo(CREATORS * POSTS_PER_CREATOR);
        for (Map.Entry<String, Long> account : accounts.entrySet()) {
            List<String> live = sim.posts(account.getKey()).stream()
                    .filter(publish -> publish.status() == PublishStatus.PUBLISH_COMPLETE)
                    .map(PublishView::caption)
                    .toList();
            List<String> captions = jdbc.sql("SELECT caption FROM post WHERE account_id = ?").param(account.getValue())
                    .query(String.class).list();
            assertThat(live).as("every post of " + account.getKey() + " is live on TikTok, none lost")
                    .containsExactlyInAnyOrderElementsOf(captions);
        }
        assertThat(sim.overLimitRequests()).as("requests over a TikTok limit").isEmpty();
        jdbc.sql("""
                        SELECT CONCAT(COUNT(*), ' x ', SUBSTRING_INDEX(reason, ';', 1)) FROM post_event
                        WHERE kind = 'TRANSITION' AND (to_state IN ('SCHEDULED', 'UNKNOWN', 'DEFERRED') OR from_state = 'UPLOADING')
                        GROUP BY SUBSTRING_INDEX(reason, ';', 1)""")
                .query(String.class).list().forEach(recovery -> System.out.println("recovery: " + recovery));
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM post_event WHERE kind = 'TRANSITION' AND (
                               reason LIKE 'claim expired%' OR reason LIKE 'the node publishing it stopped%'
                            OR reason LIKE 'the upload was interrupted%' OR reason LIKE 'the init''s answer was lost%'
                            OR reason LIKE 'the init landed but its upload never started%')""")
                .query(Integer.class).single()).as("posts recovered from a killed node").isPositive();
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM post_event WHERE kind = 'TRANSITION' AND from_state = 'UPLOADING'
                        AND to_state IN ('DEFERRED', 'PROCESSING', 'PUBLISHED', 'PUBLISHED_NO_PUBLIC_ID', 'UNKNOWN') AND node NOT IN (
                            SELECT e.node FROM post_event e WHERE e.post_id = post_event.post_id AND e.to_state = 'UPLOADING')""")
                .query(Integer.class).single()).as("uploads a killed node left behind, finished by another node").isPositive();
    }

    private World world() {
        List<WorldCreator> creators = new ArrayList<>();
        for (int i = 0; i < CREATORS; i++) {
            creators.add(WorldCreator.named("crash." + i).withDailyPostCap(1000));
        }
        // slow answers (30 s scaled 30x = 1 s) keep inits and uploads on the wire long enough to be killed mid-way
        EndpointFaults slow = new EndpointFaults(Map.of(FaultKind.SLOW, 0.3), Duration.ofSeconds(30), null);
        return new World(WorldApp.defaults(), creators, SimulatorSettings.builder()
                .seed(SEED).timeScale(30)
                .processingDelay(Duration.ofSeconds(3)).moderationDelay(Duration.ofSeconds(6))
                .fault(Endpoint.VIDEO_INIT, slow)
                .fault(Endpoint.UPLOAD, slow)
                .build());
    }

    /** Connects the creators through a context of the application that does not schedule anything. */
    private Map<String, Long> connectAccounts(long workspace) {
        Map<String, Long> accounts = new HashMap<>();
        try (ConfigurableApplicationContext seeding = new SpringApplicationBuilder(TiktokCalendarApplication.class)
                .web(WebApplicationType.NONE)
                .run(seedingArguments())) {
            TokenStore tokens = seeding.getBean(TokenStore.class);
            for (int i = 0; i < CREATORS; i++) {
                accounts.put("crash." + i, calendar.connect(tokens, workspace, "crash." + i));
            }
        }
        return accounts;
    }

    private String[] seedingArguments() {
        List<String> arguments = new ArrayList<>(commonArguments());
        arguments.addAll(List.of("--calendar.scheduling.enabled=false", "--spring.quartz.auto-startup=false"));
        return arguments.toArray(String[]::new);
    }

    private Process startNode(Path work, Path mediaRoot, int run) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
                "-cp", System.getProperty("java.class.path"), TiktokCalendar.class.getName(), "run"));
        command.addAll(commonArguments());
        command.addAll(List.of(
                "--server.port=0",
                "--calendar.publishing.media-root=" + mediaRoot,
                "--calendar.node-name=crash-node-" + run));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("node-" + run + ".log").toFile())
                .start();
    }

    private static void awaitAPostIn(JdbcClient jdbc, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM post WHERE state = ?").param(state).query(Integer.class).single() > 0);
    }

    private void awaitStarted(Path log) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() ->
                Files.exists(log) && Files.readString(log).contains("Started TiktokCalendar "));
    }

    private List<String> commonArguments() {
        List<String> arguments = new ArrayList<>(calendar.nodeArguments());
        arguments.addAll(List.of(
                "--calendar.publishing.threads=4",
                "--calendar.publishing.dispatch-threads=4",
                "--calendar.publishing.max-attempts=10",
                "--calendar.publishing.claim-batch=10",
                "--calendar.publishing.claim-ttl=3s",
                "--calendar.publishing.upload-lease=2s",
                "--calendar.publishing.transient-backoff=300ms",
                "--calendar.publishing.retry-backoff=300ms",
                "--calendar.publishing.reconciliation.first-check=300ms",
                "--calendar.publishing.reconciliation.max-interval=2s",
                "--calendar.publishing.reconciliation.public-id-interval=300ms",
                "--calendar.publishing.reconciliation.public-id-patience=5s",
                "--calendar.publishing.reconciliation.unknown-search-window=20s",
                "--calendar.publishing.reconciliation.lease=3s",
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000"));
        return arguments;
    }
}
