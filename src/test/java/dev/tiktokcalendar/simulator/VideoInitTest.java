package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static dev.tiktokcalendar.simulator.TestWorlds.BANNED;
import static dev.tiktokcalendar.simulator.TestWorlds.CAPPED;
import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v2/post/publish/video/init/} and {@code inbox/video/init/}: happy paths and every documented error. */
class VideoInitTest {

    private static final String INIT = "/v2/post/publish/video/init/";
    private static final String INBOX = "/v2/post/publish/inbox/video/init/";

    private final MutableClock clock = MutableClock.atFixedStart();
    private TikTokSimulator sim = TestWorlds.start(TestWorlds.standard(), clock);
    private SimulatorApi api = new SimulatorApi(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    private void restart(SimulatorSettings settings, boolean audited) {
        sim.close();
        var world = TestWorlds.standard(settings);
        sim = TestWorlds.start(world.withApp(world.app().withAudited(audited)), clock);
        api = new SimulatorApi(sim);
    }

    @Test
    void fileUploadInitAnswersPublishIdAndUploadUrl() {
        Reply reply = api.postJson(INIT, api.token(PUBLIC),
                SimulatorApi.directVideoBody("PUBLIC_TO_EVERYONE", "a #cat video @tiktok", 50_000_123, 10_000_000, 5));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo("ok");
        assertThat(reply.data().path("publish_id").asString()).matches("v_pub_file~v2-1\\.\\d{19}");
        assertThat(reply.data().path("upload_url").asString())
                .matches("http://127\\.0\\.0\\.1:\\d+/video/\\?upload_id=\\d+&upload_token=[A-Za-z0-9]{32}");
    }

    @Test
    void pullFromUrlInitAnswersOnlyThePublishId() {
        Reply reply = api.postJson(INIT, api.token(PUBLIC),
                SimulatorApi.pullBody("SELF_ONLY", "pulled", "https://media.example.com/videos/a.mp4"));

        assertThat(reply.code()).isEqualTo("ok");
        assertThat(reply.data().path("publish_id").asString()).matches("v_pub_url~v2\\.\\d{19}");
        assertThat(reply.data().has("upload_url")).isFalse();
    }

    @Test
    void inboxInitNeedsVideoUploadAndIgnoresPostInfo() {
        String body = """
                {"post_info":{"title":"ignored"},"source_info":{"source":"FILE_UPLOAD","video_size":1000,"chunk_size":1000,"total_chunk_count":1}}""";

        Reply reply = api.postJson(INBOX, api.token(PUBLIC, "video.upload"), body);

        assertThat(reply.code()).isEqualTo("ok");
        assertThat(reply.data().path("publish_id").asString()).matches("v_inbox_file~v2\\.\\d{19}");
        assertThat(sim.posts(PUBLIC).get(0).caption()).isNull();
        assertThat(api.postJson(INBOX, api.token(PUBLIC, "video.publish"), body).code()).isEqualTo("scope_not_authorized");
    }

    @Test
    void invalidRequestsAreInvalidParam() {
        String token = api.token(PUBLIC);
        assertInvalid(api.postJson(INIT, token, "{not json"));
        assertInvalid(api.postJson(INIT, token, "{\"post_info\":{\"privacy_level\":\"SELF_ONLY\"}}"));
        assertInvalid(api.postJson(INIT, token, "{\"post_info\":{\"privacy_level\":\"SELF_ONLY\"},"
                + "\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":10}}"));
        assertInvalid(api.postJson(INIT, token, "{\"post_info\":{\"privacy_level\":\"SELF_ONLY\"},"
                + "\"source_info\":{\"source\":\"PULL_FROM_URL\"}}"));
        Reply wrongType = api.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + INIT))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertInvalid(wrongType);
        Reply chunk = api.postJson(INIT, token, SimulatorApi.directVideoBody("SELF_ONLY", "x", 4_194_304, 2_097_152, 2));
        assertInvalid(chunk);
        assertThat(chunk.json().path("error").path("message").asString()).isEqualTo("The chunk size is invalid");
    }

    @Test
    void captionLengthIsCountedInUtf16Units() {
        String token = api.token(PUBLIC);
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
        String exactly2200 = emoji.repeat(1100);
        String over = exactly2200 + "a";

        assertThat(api.postJson(INIT, token, SimulatorApi.directVideoBody("SELF_ONLY", exactly2200, 1000, 1000, 1)).code())
                .isEqualTo("ok");
        assertInvalid(api.postJson(INIT, token, SimulatorApi.directVideoBody("SELF_ONLY", over, 1000, 1000, 1)));
    }

    @Test
    void privacyLevelMustBeOneOfTheCreatorsOptions() {
        Reply missing = api.postJson(INIT, api.token(PUBLIC), SimulatorApi.directVideoBody("", "x", 1000, 1000, 1)
                .replace("\"privacy_level\":\"\",", ""));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.code()).isEqualTo("privacy_level_option_mismatch");

        Reply followersOfPublic = api.postJson(INIT, api.token(PUBLIC),
                SimulatorApi.directVideoBody("FOLLOWER_OF_CREATOR", "x", 1000, 1000, 1));
        assertThat(followersOfPublic.code()).isEqualTo("privacy_level_option_mismatch");

        Reply publicOfPrivate = api.postJson(INIT, api.token(PRIVATE),
                SimulatorApi.directVideoBody("PUBLIC_TO_EVERYONE", "x", 1000, 1000, 1));
        assertThat(publicOfPrivate.status()).isEqualTo(403);
        assertThat(publicOfPrivate.code()).isEqualTo("privacy_level_option_mismatch");
    }

    @Test
    void bannedCreatorsAndDailyCap() {
        Reply banned = api.postJson(INIT, api.token(BANNED), SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1));
        assertThat(banned.status()).isEqualTo(403);
        assertThat(banned.code()).isEqualTo("spam_risk_user_banned_from_posting");

        String token = api.token(CAPPED);
        for (int i = 0; i < 2; i++) {
            assertThat(api.postJson(INIT, token, SimulatorApi.directVideoBody("SELF_ONLY", "x" + i, 1000, 1000, 1)).code())
                    .isEqualTo("ok");
        }
        Reply third = api.postJson(INIT, token, SimulatorApi.directVideoBody("SELF_ONLY", "x3", 1000, 1000, 1));
        assertThat(third.status()).isEqualTo(403);
        assertThat(third.code()).isEqualTo("spam_risk_too_many_posts");

        clock.advance(java.time.Duration.ofHours(24).plusSeconds(1));
        assertThat(api.postJson(INIT, api.token(CAPPED), SimulatorApi.directVideoBody("SELF_ONLY", "x4", 1000, 1000, 1)).code())
                .isEqualTo("ok");
    }

    @Test
    void activeUserCapOfTheApp() {
        sim.close();
        var world = TestWorlds.standard();
        sim = TestWorlds.start(world.withApp(world.app().withActiveUserCap(1)), clock);
        api = new SimulatorApi(sim);
        api.postJson(INIT, api.token(PUBLIC), SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1));

        Reply second = api.postJson(INIT, api.token(PRIVATE), SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1));

        assertThat(second.status()).isEqualTo(403);
        assertThat(second.code()).isEqualTo("reached_active_user_cap");
    }

    @Test
    void unauditedAppsPostOnlyToPrivateAccountsAsSelfOnly() {
        restart(TestWorlds.defaultSettings().build(), false);

        Reply toPublic = api.postJson(INIT, api.token(PUBLIC), SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1));
        assertThat(toPublic.status()).isEqualTo(403);
        assertThat(toPublic.code()).isEqualTo("unaudited_client_can_only_post_to_private_accounts");

        Reply toPrivate = api.postJson(INIT, api.token(PRIVATE),
                SimulatorApi.directVideoBody("MUTUAL_FOLLOW_FRIENDS", "x", 1000, 1000, 1));
        assertThat(toPrivate.code()).isEqualTo("ok");
        assertThat(sim.posts(PRIVATE).get(0).privacyLevel()).isEqualTo("SELF_ONLY");
    }

    @Test
    void unauditedNonSelfOnlyCanBeRejectedInstead() {
        restart(TestWorlds.defaultSettings().unauditedPrivacy(SimulatorSettings.UnauditedPrivacy.REJECT).build(), false);

        Reply reply = api.postJson(INIT, api.token(PRIVATE),
                SimulatorApi.directVideoBody("MUTUAL_FOLLOW_FRIENDS", "x", 1000, 1000, 1));

        assertThat(reply.code()).isEqualTo("privacy_level_option_mismatch");
    }

    @Test
    void pullFromUrlOnlyFromVerifiedPrefixesOverHttps() {
        String token = api.token(PUBLIC);
        for (String url : new String[] {"https://evil.example.com/videos/a.mp4", "http://media.example.com/videos/a.mp4",
                "https://media.example.com/other/a.mp4"}) {
            Reply reply = api.postJson(INIT, token, SimulatorApi.pullBody("SELF_ONLY", "x", url));
            assertThat(reply.status()).as(url).isEqualTo(403);
            assertThat(reply.code()).as(url).isEqualTo("url_ownership_unverified");
        }
    }

    @Test
    void tokenAndScopeErrors() {
        Reply noToken = api.postJson(INIT, "act.unknown", SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1));
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("access_token_invalid");

        Reply noScope = api.postJson(INIT, api.token(PUBLIC, "video.upload"),
                SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1));
        assertThat(noScope.status()).isEqualTo(401);
        assertThat(noScope.code()).isEqualTo("scope_not_authorized");
    }

    @Test
    void observedSpellingAndBrandToggleAreSettings() {
        restart(TestWorlds.defaultSettings().invalidParamCode("invalid_params").requireBrandContentToggle(true).build(), true);

        Reply reply = api.postJson(INIT, api.token(PUBLIC), """
                {"post_info":{"privacy_level":"SELF_ONLY"},"source_info":{"source":"FILE_UPLOAD","video_size":1000,"chunk_size":1000,"total_chunk_count":1}}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_params");
    }

    @Test
    void disableTogglesMayBeLeftOutByDefaultAndAreRequiredBySetting() {
        String withoutToggles = """
                {"post_info":{"privacy_level":"SELF_ONLY","brand_content_toggle":false,"disable_duet":false,"disable_stitch":false},
                 "source_info":{"source":"FILE_UPLOAD","video_size":1000,"chunk_size":1000,"total_chunk_count":1}}""";
        assertThat(api.postJson(INIT, api.token(PUBLIC), withoutToggles).code()).isEqualTo("ok");

        restart(TestWorlds.defaultSettings().requireDisableToggles(true).build(), true);

        Reply missing = api.postJson(INIT, api.token(PUBLIC), withoutToggles);
        assertInvalid(missing);
        assertThat(missing.json().path("error").path("message").asString()).contains("disable_comment");
        assertThat(api.postJson(INIT, api.token(PUBLIC), SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1)).code())
                .as("all three sent").isEqualTo("ok");
        assertThat(api.postJson(INBOX, api.token(PUBLIC), withoutToggles).code()).as("inbox has no post_info rules").isEqualTo("ok");
    }

    private static void assertInvalid(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_param");
        assertThat(reply.json().path("error").path("log_id").asString()).isNotBlank();
    }
}
