package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.oauth.Pkce;
import dev.tiktokcalendar.simulator.publish.PublishView;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.PendingShareCount;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.PkceEncoding;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The settings behind the contract's UNCONFIRMED points: the documented default and its alternative. */
class ContractChoicesTest {

    private static final String REDIRECT = "https://calendar.example.com/cb/";
    private static final String VERIFIER = "verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG";

    private final MutableClock clock = MutableClock.atFixedStart();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private SimulatorApi start(World world) {
        TikTokSimulator sim = TestWorlds.start(world, clock);
        resources.add(sim);
        return new SimulatorApi(sim);
    }

    private SimulatorApi start(SimulatorSettings settings) {
        return start(TestWorlds.standard(settings));
    }

    private static Reply exchange(SimulatorApi api, String code) {
        return api.postForm("/v2/oauth/token/", api.clientForm("code", code, "grant_type", "authorization_code",
                "redirect_uri", REDIRECT, "code_verifier", VERIFIER));
    }

    @Test
    void pkceChallengeIsHexByDefaultAndBase64UrlBySetting() {
        SimulatorApi hex = start(TestWorlds.defaultSettings().build());
        TikTokSimulator hexSim = (TikTokSimulator) resources.get(0);
        String base64Code = hexSim.authorizationCode(PUBLIC, REDIRECT, Set.of("video.publish"), Pkce.base64UrlChallenge(VERIFIER));
        assertThat(exchange(hex, base64Code).json().path("error").asString()).isEqualTo("invalid_request");

        SimulatorApi base64 = start(TestWorlds.defaultSettings().pkceEncoding(PkceEncoding.BASE64URL).build());
        TikTokSimulator base64Sim = (TikTokSimulator) resources.get(1);
        String code = base64Sim.authorizationCode(PUBLIC, REDIRECT, Set.of("video.publish"), Pkce.base64UrlChallenge(VERIFIER));
        assertThat(exchange(base64, code).json().path("access_token").asString()).startsWith("act.");
    }

    private static int draftsPostedThenOneMore(SimulatorApi api, MutableClock clock) {
        String token = api.token(PRIVATE, "video.upload");
        byte[] video = TestMedia.mp4(10, 30, 1080, 1920);
        String body = """
                {"source_info":{"source":"FILE_UPLOAD","video_size":%d,"chunk_size":%d,"total_chunk_count":1}}"""
                .formatted(video.length, video.length);
        for (int i = 0; i < 5; i++) {
            assertThat(api.uploadWhole(api.postJson("/v2/post/publish/inbox/video/init/", token, body), video).status()).isEqualTo(201);
        }
        clock.advance(Duration.ofMinutes(2)); // processed, delivered to the inbox, posted by the creator
        return api.postJson("/v2/post/publish/inbox/video/init/", token, body).status();
    }

    @Test
    void pendingShareCapCountsUploadsOfTheDayOrOnlyDraftsStillPending() {
        SimulatorApi documented = start(TestWorlds.defaultSettings().inboxPostDelay(Duration.ofSeconds(30)).build());
        assertThat(draftsPostedThenOneMore(documented, clock)).isEqualTo(403);

        SimulatorApi observed = start(TestWorlds.defaultSettings().inboxPostDelay(Duration.ofSeconds(30))
                .pendingShareCount(PendingShareCount.PENDING_DRAFTS).build());
        TikTokSimulator observedSim = (TikTokSimulator) resources.get(1);
        assertThat(draftsPostedThenOneMore(observed, clock)).isEqualTo(200);
        observedSim.tick();
        assertThat(observedSim.posts(PRIVATE)).filteredOn(p -> p.status().name().equals("PUBLISH_COMPLETE")).hasSize(5);
    }

    @Test
    void brandedContentAsSelfOnlyIsAcceptedByDefaultAndRejectedBySetting() {
        String branded = SimulatorApi.directVideoBody("SELF_ONLY", "ad", 1000, 1000, 1)
                .replace("\"brand_content_toggle\":false", "\"brand_content_toggle\":true");

        SimulatorApi lenient = start(TestWorlds.defaultSettings().build());
        assertThat(lenient.postJson("/v2/post/publish/video/init/", lenient.token(PUBLIC), branded).code()).isEqualTo("ok");

        SimulatorApi strict = start(TestWorlds.defaultSettings().rejectBrandedSelfOnly(true).build());
        assertThat(strict.postJson("/v2/post/publish/video/init/", strict.token(PUBLIC), branded).code()).isEqualTo("invalid_param");
    }

    @Test
    void unauditedCreatorInfoCanOfferOnlySelfOnly() {
        World world = TestWorlds.standard(TestWorlds.defaultSettings().unauditedOptionsSelfOnly(true).build());
        SimulatorApi api = start(world.withApp(world.app().withAudited(false)));

        Reply reply = api.postJson("/v2/post/publish/creator_info/query/", api.token(PRIVATE), "{}");

        assertThat(reply.data().path("privacy_level_options").toString()).isEqualTo("[\"SELF_ONLY\"]");
        assertThat(api.postJson("/v2/post/publish/video/init/", api.token(PRIVATE),
                SimulatorApi.directVideoBody("MUTUAL_FOLLOW_FRIENDS", "x", 1000, 1000, 1)).code())
                .isEqualTo("privacy_level_option_mismatch");
    }

    @Test
    void completeWebhookForDirectPostsIsASetting() {
        WebhookReceiver receiver = new WebhookReceiver();
        resources.add(receiver);
        World world = TestWorlds.standard(TestWorlds.defaultSettings().completeWebhookForDirectPost(true).build());
        SimulatorApi api = start(world.withApp(world.app().withWebhookUrl(receiver.url())));
        TikTokSimulator sim = (TikTokSimulator) resources.get(1);

        api.publishDirect(api.token(PUBLIC), "SELF_ONLY", "x", TestMedia.mp4(10, 30, 1080, 1920));
        clock.advance(Duration.ofSeconds(5));
        sim.tick();

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().stream()
                .anyMatch(r -> r.body().contains("\"event\":\"post.publish.complete\"")));
    }

    private static final String VIDEO_INIT = "/v2/post/publish/video/init/";

    private static String publishIdOf(Reply init) {
        assertThat(init.code()).as(init.body()).isEqualTo("ok");
        return init.data().path("publish_id").asString();
    }

    @Test
    void everyInitCreatesAPublishByDefaultEvenTheRetryOfAnAmbiguousOne() {
        SimulatorApi api = start(TestWorlds.defaultSettings().build());
        TikTokSimulator sim = (TikTokSimulator) resources.get(0);
        String token = api.token(PUBLIC);
        String body = SimulatorApi.directVideoBody("SELF_ONLY", "retried", 1000, 1000, 1);
        sim.injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.INIT_500_AFTER_CREATE));
        assertThat(api.postJson(VIDEO_INIT, token, body).status()).isEqualTo(500);

        String retried = publishIdOf(api.postJson(VIDEO_INIT, token, body));

        assertThat(sim.posts(PUBLIC)).extracting(PublishView::publishId).hasSize(2).contains(retried);
    }

    @Test
    void identicalInitsAnswerTheSamePublishWhenDeduplicationIsSet() {
        SimulatorApi api = start(TestWorlds.defaultSettings().deduplicateIdenticalInits(true)
                .deduplicationWindow(Duration.ofMinutes(10)).build());
        TikTokSimulator sim = (TikTokSimulator) resources.get(0);
        String token = api.token(PUBLIC);
        byte[] video = TestMedia.mp4(10, 30, 1080, 1920);
        String body = SimulatorApi.directVideoBody("SELF_ONLY", "retried", video.length, video.length, 1);
        sim.injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.ANSWER_LOST));
        assertThatThrownBy(() -> api.postJson(VIDEO_INIT, token, body)).isInstanceOf(UncheckedIOException.class);

        Reply retried = api.postJson(VIDEO_INIT, token, body);
        String sameKeysOtherOrder = """
                {"source_info":{"total_chunk_count":1,"chunk_size":%d,"video_size":%d,"source":"FILE_UPLOAD"},
                 "post_info":{"brand_organic_toggle":false,"brand_content_toggle":false,"disable_stitch":false,
                 "disable_comment":false,"disable_duet":false,"privacy_level":"SELF_ONLY","title":"retried"}}"""
                .formatted(video.length, video.length);
        Reply reordered = api.postJson(VIDEO_INIT, token, sameKeysOtherOrder);

        String publishId = sim.posts(PUBLIC).get(0).publishId();
        assertThat(sim.posts(PUBLIC)).hasSize(1);
        assertThat(publishIdOf(retried)).isEqualTo(publishId);
        assertThat(publishIdOf(reordered)).isEqualTo(publishId);
        assertThat(reordered.data().path("upload_url").asString()).isEqualTo(retried.data().path("upload_url").asString());
        assertThat(api.uploadWhole(retried, video).status()).isEqualTo(201);
        assertThat(publishIdOf(api.postJson(VIDEO_INIT, token, body))).as("a finished upload still counts").isEqualTo(publishId);

        assertThat(publishIdOf(api.postJson(VIDEO_INIT, token, body.replace("retried", "other caption"))))
                .isNotEqualTo(publishId);
        assertThat(publishIdOf(api.postJson(VIDEO_INIT, api.token(PRIVATE), body))).as("another creator")
                .isNotEqualTo(publishId);
        clock.advance(Duration.ofMinutes(10));
        assertThat(publishIdOf(api.postJson(VIDEO_INIT, token, body))).as("after the window").isNotEqualTo(publishId);
    }

    @Test
    void deduplicationSkipsFailedPublishesAndCoversTheInboxInit() {
        SimulatorApi api = start(TestWorlds.defaultSettings().deduplicateIdenticalInits(true).build());
        TikTokSimulator sim = (TikTokSimulator) resources.get(0);
        String body = """
                {"source_info":{"source":"FILE_UPLOAD","video_size":1000,"chunk_size":1000,"total_chunk_count":1}}""";
        String inbox = "/v2/post/publish/inbox/video/init/";
        String first = publishIdOf(api.postJson(inbox, api.token(PUBLIC, "video.upload"), body));
        assertThat(publishIdOf(api.postJson(inbox, api.token(PUBLIC, "video.upload"), body))).isEqualTo(first);

        sim.revokeAuthorization(PUBLIC); // the publish FAILs with auth_removed

        assertThat(publishIdOf(api.postJson(inbox, api.token(PUBLIC, "video.upload"), body))).isNotEqualTo(first);
    }

    @Test
    void inboxInitsIgnorePostInfoByDefaultAndTakeItsTitleBySetting() {
        String body = """
                {"post_info":{"title":"draft caption #cat"},
                 "source_info":{"source":"FILE_UPLOAD","video_size":1000,"chunk_size":1000,"total_chunk_count":1}}""";
        String inbox = "/v2/post/publish/inbox/video/init/";
        SimulatorApi ignoring = start(TestWorlds.defaultSettings().build());
        assertThat(ignoring.postJson(inbox, ignoring.token(PUBLIC, "video.upload"), body).code()).isEqualTo("ok");
        assertThat(((TikTokSimulator) resources.get(0)).posts(PUBLIC).get(0).caption()).isNull();

        SimulatorApi using = start(TestWorlds.defaultSettings().inboxUsesPostInfoTitle(true).build());
        assertThat(using.postJson(inbox, using.token(PUBLIC, "video.upload"), body).code()).isEqualTo("ok");
        assertThat(((TikTokSimulator) resources.get(1)).posts(PUBLIC).get(0).caption()).isEqualTo("draft caption #cat");
        assertThat(using.postJson(inbox, using.token(PUBLIC, "video.upload"), body.replace("draft caption #cat", "x".repeat(2201)))
                .code()).isEqualTo("invalid_param");
    }

    @Test
    void publishIdsStayKnownForTheRunByDefaultAndExpireBySetting() {
        SimulatorApi forever = start(TestWorlds.defaultSettings().build());
        String token = forever.token(PUBLIC);
        String kept = publishIdOf(forever.postJson(VIDEO_INIT, token, SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1)));
        clock.advance(Duration.ofDays(400));
        assertThat(forever.status(forever.token(PUBLIC), kept).code()).isEqualTo("ok");

        SimulatorApi retaining = start(TestWorlds.defaultSettings().publishIdRetention(Duration.ofDays(7)).build());
        String publishId = publishIdOf(retaining.postJson(VIDEO_INIT, retaining.token(PUBLIC),
                SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1)));
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(retaining.status(retaining.token(PUBLIC), publishId).code()).isEqualTo("ok");

        clock.advance(Duration.ofSeconds(1));
        Reply forgotten = retaining.status(retaining.token(PUBLIC), publishId);
        assertThat(forgotten.status()).isEqualTo(400);
        assertThat(forgotten.code()).isEqualTo("invalid_publish_id");
        assertThat(retaining.postJson("/v2/post/publish/cancel/", retaining.token(PUBLIC), "{\"publish_id\":\"" + publishId + "\"}")
                .code()).isEqualTo("invalid_publish_id");
    }

    @Test
    void photoMediaUploadNeedsTikTokAppVersion31Point8() {
        World world = TestWorlds.standard();
        List<WorldCreator> creators = new ArrayList<>(world.creators());
        creators.add(WorldCreator.named("oldapp").withTiktokAppVersion("31.7.2"));
        SimulatorApi api = start(new World(world.app(), creators, world.settings()));
        String body = """
                {"media_type":"PHOTO","post_mode":"MEDIA_UPLOAD","post_info":{},
                 "source_info":{"source":"PULL_FROM_URL","photo_cover_index":0,"photo_images":["https://media.example.com/videos/a.jpg"]}}""";

        Reply old = api.postJson("/v2/post/publish/content/init/", api.token("oldapp", "video.upload"), body);

        assertThat(old.status()).isEqualTo(400);
        assertThat(old.code()).isEqualTo("app_version_check_failed");
        assertThat(api.postJson("/v2/post/publish/content/init/", api.token(PUBLIC, "video.upload"), body).code()).isEqualTo("ok");
    }
}
