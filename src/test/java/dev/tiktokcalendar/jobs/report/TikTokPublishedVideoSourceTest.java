package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.jobs.report.PublishedVideoSource.CrossCheckAccount;
import dev.tiktokcalendar.jobs.report.PublishedVideoSource.PublishedVideo;
import dev.tiktokcalendar.jobs.report.ReportRepository.Account;
import dev.tiktokcalendar.jobs.report.ReportSummary.Finding;
import dev.tiktokcalendar.jobs.report.WorkspaceDraft.PublishedRef;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.TikTokClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cross-check over the real TikTok client and the simulator's video/list, over HTTP. */
class TikTokPublishedVideoSourceTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("report_cross_check");
    private static TikTokSimulator sim;
    private static ClientFixture fixture;
    private static TikTokClient client;

    @BeforeAll
    static void start() {
        World world = new World(WorldApp.defaults(), List.of(WorldCreator.named("alice")),
                SimulatorSettings.builder().processingDelay(Duration.ofMillis(50)).moderationDelay(Duration.ofMillis(50))
                        .rateLimits(RateLimitSettings.defaults().withLimits(100, 1000, 20, 600)).build());
        sim = TikTokSimulator.builder().world(world).start();
        fixture = new ClientFixture(sim, DATABASE);
        client = fixture.clients().client();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void listsTheAccountsPublicVideosOfTheWindowAndTheCrossCheckFindsMissingAndUnknownPosts(@TempDir Path dir)
            throws Exception {
        long alice = fixture.connect("alice", "user.info.basic", "video.publish", "video.list");
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(SimPublishing.publishPublicly(client, alice, dir.resolve("v" + i + ".mp4"), "video " + i));
        }
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
        TikTokPublishedVideoSource source = new TikTokPublishedVideoSource(client);

        List<PublishedVideo> videos = source.publicVideos(new CrossCheckAccount(alice, null, "alice"), from, to);
        List<PublishedVideo> none = source.publicVideos(new CrossCheckAccount(alice, null, "alice"),
                from.minus(2, ChronoUnit.HOURS), from);

        assertThat(videos).extracting(PublishedVideo::id).containsExactlyInAnyOrderElementsOf(published);
        assertThat(videos).allSatisfy(v -> assertThat(v.createTime()).isBetween(from, to));
        assertThat(none).isEmpty();

        // the calendar knows the first video, believes a fourth one is live, and never heard of the other two
        CrossCheck crossCheck = new CrossCheck(source, new ReportRepository(fixture.jdbc()), Duration.ofHours(1));
        List<Finding> findings = new ArrayList<>();
        Account account = new Account(alice, null, "alice", "UTC", "ACTIVE", null, "video.list", null);
        String status = crossCheck.checkAll(List.of(account), java.util.Map.of(alice, List.of(
                        new PublishedRef(alice, 1, published.get(0), null, null),
                        new PublishedRef(alice, 2, "7000000000000000002", null, null))),
                from, to.minus(1, ChronoUnit.HOURS), findings).get(alice);

        assertThat(status).isEqualTo("checked: 3 public videos listed");
        assertThat(CrossCheck.sorted(findings)).extracting(Finding::kind, Finding::tiktokId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CrossCheck.MISSING_ON_TIKTOK, "7000000000000000002"),
                org.assertj.core.groups.Tuple.tuple(CrossCheck.UNKNOWN_TO_CALENDAR, published.get(1)),
                org.assertj.core.groups.Tuple.tuple(CrossCheck.UNKNOWN_TO_CALENDAR, published.get(2)));
    }

    @Test
    void aRevokedAccountFailsTheListInsteadOfReportingEverythingMissing() {
        long alice = fixture.connect("alice", "user.info.basic", "video.list");
        sim.revokeAuthorization("alice");
        TikTokPublishedVideoSource source = new TikTokPublishedVideoSource(client);

        assertThatThrownBy(() -> source.publicVideos(new CrossCheckAccount(alice, null, "alice"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now()))
                .isInstanceOf(IllegalStateException.class);
    }
}
