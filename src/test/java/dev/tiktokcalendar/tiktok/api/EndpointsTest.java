package dev.tiktokcalendar.tiktok.api;

import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.publish.PublishView;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.SimMedia;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.TikTokClients;
import dev.tiktokcalendar.tiktok.auth.Secret;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.upload.ChunkPlan;
import dev.tiktokcalendar.tiktok.upload.ChunkPlanner;
import dev.tiktokcalendar.tiktok.upload.FileMediaSource;
import dev.tiktokcalendar.tiktok.upload.UploadReceipt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every endpoint of the client against the simulator over real HTTP, on their success paths. */
class EndpointsTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("endpoints");
    private static TikTokSimulator sim;
    private static ClientFixture fixture;
    private static TikTokClient client;
    private static TikTokClients clients;

    @BeforeAll
    static void start() {
        World world = new World(WorldApp.defaults().withVerifiedUrlPrefixes(List.of("https://media.example.com/videos/")),
                List.of(WorldCreator.named("alice"), WorldCreator.named("bob").asPrivate(), WorldCreator.named("carol"),
                        WorldCreator.named("photo.poster"), WorldCreator.named("inbox.user")),
                SimulatorSettings.builder().processingDelay(Duration.ofMillis(100)).downloadDelay(Duration.ofMillis(100))
                        .moderationDelay(Duration.ofMillis(100))
                        .rateLimits(RateLimitSettings.defaults().withLimits(6, 1000, 20, 600)).build());
        sim = TikTokSimulator.builder().world(world).start();
        fixture = new ClientFixture(sim, DATABASE);
        clients = fixture.clients();
        client = clients.client();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void userInfoAndCreatorInfo() {
        long alice = fixture.connect("alice");

        UserInfo user = client.userInfo(alice, List.of("open_id", "union_id", "display_name", "username", "follower_count")).orElseThrow();
        CreatorInfo creator = client.creatorInfo(alice).orElseThrow();

        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.openId()).isNotBlank();
        assertThat(user.followerCount()).isNotNull();
        assertThat(creator.creatorUsername()).isEqualTo("alice");
        assertThat(creator.privacyLevelOptions()).contains("PUBLIC_TO_EVERYONE", "SELF_ONLY");
        assertThat(creator.maxVideoPostDurationSec()).isPositive();
    }

    @Test
    void directVideoFileUploadIsPublishedAndItsNineteenDigitPostIdIsExact(@TempDir Path dir) throws Exception {
        long alice = fixture.connect("alice");
        Path video = Files.write(dir.resolve("cat.mp4"), SimMedia.validMp4());
        ChunkPlan plan = new ChunkPlanner(10_000_000L).plan(Files.size(video));

        PublishTicket ticket = client.initDirectVideo(alice, new DirectVideoInit(
                new VideoPostInfo("a #cat", "PUBLIC_TO_EVERYONE", false, false, false, 1000, false, false, false),
                VideoSource.fileUpload(plan))).orElseThrow();
        UploadReceipt receipt = client.upload(ticket, plan, new FileMediaSource(video), "video/mp4").orElseThrow();

        assertThat(ticket.publishId()).isNotBlank();
        assertThat(receipt).isEqualTo(new UploadReceipt(Files.size(video), 1, 1));
        PublishStatus published = awaitStatus(alice, ticket.publishId(), s -> !s.publicPostIds().isEmpty());
        assertThat(published.state()).isEqualTo(PublishStatus.State.PUBLISH_COMPLETE);
        List<Long> simulatorIds = sim.posts("alice").stream().filter(p -> p.publishId().equals(ticket.publishId()))
                .findFirst().map(PublishView::publicPostIds).orElseThrow();
        assertThat(published.publicPostIds()).containsExactlyElementsOf(simulatorIds.stream().map(String::valueOf).toList());
        assertThat(published.publicPostIds().get(0)).hasSize(19);

        VideoPage page = client.listVideos(alice, null, 20, List.of("id", "create_time", "title", "share_url")).orElseThrow();
        assertThat(page.videos()).extracting(Video::id).contains(published.publicPostIds().get(0));
        List<Video> queried = client.queryVideos(alice, published.publicPostIds(), List.of("id", "title")).orElseThrow();
        assertThat(queried).extracting(Video::id).containsExactlyElementsOf(published.publicPostIds());
    }

    @Test
    void badMediaFailsWithAClassifiedFailReason(@TempDir Path dir) throws Exception {
        long carol = fixture.connect("carol");
        Path video = Files.write(dir.resolve("junk.mp4"), new byte[1000]);
        ChunkPlan plan = new ChunkPlanner(10_000_000L).plan(1000);

        PublishTicket ticket = client.initDirectVideo(carol, new DirectVideoInit(
                new VideoPostInfo(null, "SELF_ONLY", true, true, true, null, false, false, false),
                VideoSource.fileUpload(plan))).orElseThrow();
        client.upload(ticket, plan, new FileMediaSource(video), "video/mp4").orElseThrow();

        PublishStatus failed = awaitStatus(carol, ticket.publishId(), s -> s.state() == PublishStatus.State.FAILED);
        assertThat(failed.failReason()).isEqualTo("file_format_check_failed");
        assertThat(failed.failure().errorClass()).isEqualTo(ErrorClass.POST_INVALID);
        assertThat(failed.failure().publishId()).isEqualTo(ticket.publishId());
    }

    @Test
    void inboxVideoPullFromUrlAndCancel() {
        long inbox = fixture.connect("inbox.user");

        PublishTicket ticket = client.initInboxVideo(inbox, new InboxVideoInit(
                VideoSource.pullFromUrl("https://media.example.com/videos/never-there.mp4"))).orElseThrow();
        TikTokResult<Void> cancelled = client.cancel(inbox, ticket.publishId());

        assertThat(ticket.uploadUrl()).isNull();
        assertThat(ticket.publishId()).isNotBlank();
        assertThat(cancelled.isOk() || cancelled.error().code().equals("publish_not_cancellable"))
                .as("cancel answered %s", cancelled).isTrue();
        PublishStatus status = awaitStatus(inbox, ticket.publishId(), s -> s.state() == PublishStatus.State.FAILED);
        assertThat(status.failReason()).isIn("publish_cancelled", "video_pull_failed");
    }

    @Test
    void photoDirectPostAndMediaUpload() {
        long poster = fixture.connect("photo.poster");
        List<String> images = List.of("https://media.example.com/videos/a.jpg", "https://media.example.com/videos/b.jpg");

        PublishTicket direct = client.initPhoto(poster, PhotoInit.directPost(new PhotoInit.PostInfo("cats", "#cats",
                "PUBLIC_TO_EVERYONE", false, true, false, false), images, 1, false)).orElseThrow();
        PublishTicket inbox = client.initPhoto(poster, PhotoInit.mediaUpload("cats", "#cats", images, 0, false)).orElseThrow();

        assertThat(direct.publishId()).isNotBlank().isNotEqualTo(inbox.publishId());
        assertThat(client.fetchStatus(poster, direct.publishId()).orElseThrow().state()).isNotNull();
        assertThat(sim.posts("photo.poster")).hasSize(2);
    }

    @Test
    void oauthCodeExchangeRefreshAndRevoke() {
        String redirect = "https://calendar.example.com/oauth/callback";
        String code = sim.authorizationCode("bob", redirect, Set.of("user.info.basic", "video.publish"), null);

        TokenGrant granted = clients.oauth().exchangeCode(code, redirect, null).orElseThrow();
        TokenGrant refreshed = clients.oauth().refresh(granted.refreshToken()).orElseThrow();
        TikTokResult<TokenGrant> oldRefreshAgain = clients.oauth().refresh(granted.refreshToken());
        TikTokResult<Void> revoked = clients.oauth().revoke(refreshed.accessToken());
        TikTokResult<TokenGrant> afterRevoke = clients.oauth().refresh(refreshed.refreshToken());

        assertThat(granted.openId()).isNotBlank();
        assertThat(granted.scope()).contains("video.publish");
        assertThat(granted.accessExpiresAt()).isAfter(java.time.Instant.now().plusSeconds(3600));
        assertThat(refreshed.refreshToken()).as("rotated").isNotEqualTo(granted.refreshToken());
        assertThat(oldRefreshAgain.error().code()).isEqualTo("invalid_grant");
        assertThat(oldRefreshAgain.error().errorClass()).isEqualTo(ErrorClass.REAUTHORIZE);
        assertThat(revoked.isOk()).isTrue();
        assertThat(afterRevoke.error().errorClass()).isEqualTo(ErrorClass.REAUTHORIZE);
        assertThat(clients.oauth().authorizeUrl("user.info.basic,video.publish", redirect, "st", "ab12").toString())
                .startsWith(sim.baseUrl() + "/v2/auth/authorize/?client_key=")
                .contains("scope=user.info.basic%2Cvideo.publish", "response_type=code", "state=st",
                        "code_challenge=ab12", "code_challenge_method=S256");
        Secret clientSecret = Secret.of(sim.world().app().clientSecret());
        assertThat(clientSecret.toString()).doesNotContain(clientSecret.reveal());
    }

    private PublishStatus awaitStatus(long account, String publishId, java.util.function.Predicate<PublishStatus> done) {
        PublishStatus[] last = new PublishStatus[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(150))
                .alias("status of " + publishId).until(() -> {
                    last[0] = client.fetchStatus(account, publishId).orElseThrow();
                    return done.test(last[0]) || last[0].state() == PublishStatus.State.FAILED;
                });
        assertThat(last[0]).as("last status").matches(done);
        return last[0];
    }
}
