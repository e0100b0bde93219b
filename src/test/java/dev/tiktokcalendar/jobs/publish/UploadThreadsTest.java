package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.scheduling.BatchJobLauncher;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.TikTokSimulatorExtension;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.support.TestDatabase;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One publishing thread and one upload thread: a slow upload does not hold back the next due post's init, and the
 * publish run still ends only once every upload it started has.
 */
@SpringBootTest(properties = {
        "calendar.simulator.embedded=false",
        "spring.quartz.auto-startup=false",
        "calendar.encryption-key=" + SimulatedCalendar.ENCRYPTION_KEY,
        "calendar.publishing.threads=1",
        "calendar.publishing.upload-threads=1"})
class UploadThreadsTest {

    private static final String SCHEMA = TestDatabase.newSchema("upload_threads");
    private static final Duration SLOW_UPLOAD = Duration.ofSeconds(3);
    private static Path mediaRoot;

    @RegisterExtension
    static TikTokSimulatorExtension sim = TikTokSimulatorExtension.with(() -> TikTokSimulator.builder().world(
            new World(WorldApp.defaults(), List.of(WorldCreator.named("erin"), WorldCreator.named("frank")),
                    SimulatorSettings.builder().build())));

    @BeforeAll
    static void media() throws IOException {
        mediaRoot = Files.createTempDirectory("upload-threads-media");
        Files.copy(Path.of("src/test/resources/media/ok-h264-360x640-30fps-1s.mp4"), mediaRoot.resolve("clip.mp4"));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        SimulatedCalendar.wire(registry, SCHEMA, sim::simulator);
        registry.add("calendar.publishing.media-root", () -> mediaRoot.toString());
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenStore tokens;

    @Autowired
    BatchJobLauncher launcher;

    @Test
    void aSlowUploadDoesNotHoldBackTheNextInit() {
        SimulatedCalendar calendar = new SimulatedCalendar(SCHEMA, sim.simulator(), jdbc);
        long workspace = calendar.workspace("Uploads");
        Instant due = Instant.now().minusSeconds(1);
        long first = calendar.directVideo(workspace, calendar.connect(tokens, workspace, "erin"), "PUBLIC_TO_EVERYONE",
                "first", due, "clip.mp4");
        long second = calendar.directVideo(workspace, calendar.connect(tokens, workspace, "frank"), "PUBLIC_TO_EVERYONE",
                "second", due, "clip.mp4");
        sim.simulator().injectNext(Endpoint.UPLOAD, Fault.slow(SLOW_UPLOAD));

        launcher.runNow(PublishDuePostsJobConfiguration.JOB_NAME, Instant.now());

        Duration betweenInits = Duration.between(initSentAt(first), initSentAt(second)).abs();
        assertThat(betweenInits).as("the second init went out while the first post's upload was still streaming")
                .isLessThan(SLOW_UPLOAD.minusSeconds(1));
        assertThat(List.of(state(first), state(second))).as("the run ended after both uploads")
                .containsOnly("PROCESSING");
    }

    private Instant initSentAt(long post) {
        return jdbc.sql("SELECT init_sent_at FROM post_attempt WHERE post_id = ?").param(post)
                .query((rs, row) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)).single();
    }

    private String state(long post) {
        return jdbc.sql("SELECT state FROM post WHERE id = ?").param(post).query(String.class).single();
    }
}
