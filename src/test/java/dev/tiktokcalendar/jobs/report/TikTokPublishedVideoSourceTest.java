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
import dev.tiktokcalendar.tiktok.SimMedia;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.PublishStatus;
import dev.tiktokcalendar.tiktok.api.PublishTicket;
import dev.tiktokcalendar.tiktok.api.VideoPostInfo;
import dev.tiktokcalendar.tiktok.api.VideoSource;
import dev.tiktokcalendar.tiktok.upload.ChunkPlan;
import dev.tiktokcalendar.tiktok.upload.ChunkPlanner;
import dev.tiktokcalendar.tiktok.upload.FileMediaSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
            published.add(publishPublicly(alice, dir.resolve("v" + i + ".mp4"), "video " + i));
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

    private static String publishPublicly(long account, Path file, String caption) throws Exception {
        Path video = Files.write(file, SimMedia.validMp4());
        ChunkPlan plan = new ChunkPlanner(10_000_000L).plan(Files.size(video));
        PublishTicket ticket = client.initDirectVideo(account, new DirectVideoInit(
                new VideoPostInfo(caption, "PUBLIC_TO_EVERYONE", false, false, false, 1000, false, false, false),
                VideoSource.fileUpload(plan))).orElseThrow();
        client.upload(ticket, plan, new FileMediaSource(video), "video/mp4").orElseThrow();
        PublishStatus[] last = new PublishStatus[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = client.fetchStatus(account, ticket.publishId()).orElseThrow();
            return !last[0].publicPostIds().isEmpty() || last[0].state() == PublishStatus.State.FAILED;
        });
        assertThat(last[0].publicPostIds()).hasSize(1);
        return last[0].publicPostIds().get(0);
    }
}
