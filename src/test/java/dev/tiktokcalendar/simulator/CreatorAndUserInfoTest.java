package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static dev.tiktokcalendar.simulator.TestWorlds.BANNED;
import static dev.tiktokcalendar.simulator.TestWorlds.CAPPED;
import static dev.tiktokcalendar.simulator.TestWorlds.NO_REMIX;
import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

class CreatorAndUserInfoTest {

    private static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";

    private final MutableClock clock = MutableClock.atFixedStart();
    private TikTokSimulator sim = TestWorlds.start(TestWorlds.standard(), clock);
    private SimulatorApi api = new SimulatorApi(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void creatorInfoOfAPublicAccount() {
        Reply reply = api.postJson(CREATOR_INFO, api.token(PUBLIC), "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo("ok");
        assertThat(reply.json().path("error").path("log_id").asString()).matches("\\d{14}[0-9A-F]{20}");
        assertThat(reply.data().path("creator_username").asString()).isEqualTo(PUBLIC);
        assertThat(reply.data().path("creator_nickname").asString()).isEqualTo(PUBLIC);
        assertThat(reply.data().path("creator_avatar_url").asString()).startsWith("https://");
        assertThat(SimulatorApi.JSON.convertValue(reply.data().path("privacy_level_options"), java.util.List.class))
                .containsExactly("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
        assertThat(reply.data().path("duet_disabled").asBoolean()).isFalse();
        assertThat(reply.data().path("max_video_post_duration_sec").asInt()).isEqualTo(600);
    }

    @Test
    void creatorInfoOfAPrivateAccountAndOfOneThatDisablesRemixes() {
        Reply privateAccount = api.postJson(CREATOR_INFO, api.token(PRIVATE), "{}");
        assertThat(SimulatorApi.JSON.convertValue(privateAccount.data().path("privacy_level_options"), java.util.List.class))
                .containsExactly("FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
        assertThat(privateAccount.data().path("duet_disabled").asBoolean()).isTrue();
        assertThat(privateAccount.data().path("stitch_disabled").asBoolean()).isTrue();

        Reply noRemix = api.postJson(CREATOR_INFO, api.token(NO_REMIX), "{}");
        assertThat(noRemix.data().path("comment_disabled").asBoolean()).isTrue();
        assertThat(noRemix.data().path("duet_disabled").asBoolean()).isTrue();
        assertThat(noRemix.data().path("stitch_disabled").asBoolean()).isTrue();
        assertThat(noRemix.data().path("max_video_post_duration_sec").asInt()).isEqualTo(60);
    }

    @Test
    void creatorInfoAcceptsAnEmptyBody() {
        Reply reply = api.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + CREATOR_INFO))
                .header("Authorization", "Bearer " + api.token(PUBLIC))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(reply.code()).isEqualTo("ok");
    }

    @Test
    void creatorInfoReportsPostingBlocksWithHttp200() {
        Reply banned = api.postJson(CREATOR_INFO, api.token(BANNED), "{}");
        assertThat(banned.status()).isEqualTo(200);
        assertThat(banned.code()).isEqualTo("spam_risk_user_banned_from_posting");

        String token = api.token(CAPPED);
        api.publishDirect(token, "SELF_ONLY", "one", TestMedia.mp4(5, 30, 720, 1280));
        api.publishDirect(token, "SELF_ONLY", "two", TestMedia.mp4(6, 30, 720, 1280));
        Reply capped = api.postJson(CREATOR_INFO, token, "{}");
        assertThat(capped.status()).isEqualTo(200);
        assertThat(capped.code()).isEqualTo("spam_risk_too_many_posts");
    }

    @Test
    void creatorInfoReportsTheAppsActiveUserCap() {
        sim.close();
        sim = TestWorlds.start(TestWorlds.standard().withApp(TestWorlds.standard().app().withActiveUserCap(1)), clock);
        api = new SimulatorApi(sim);
        api.publishDirect(api.token(PUBLIC), "SELF_ONLY", "first", TestMedia.mp4(5, 30, 720, 1280));

        Reply other = api.postJson(CREATOR_INFO, api.token(PRIVATE), "{}");

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.code()).isEqualTo("reached_active_user_cap");
        assertThat(api.postJson(CREATOR_INFO, api.token(PUBLIC), "{}").code()).isEqualTo("ok");
    }

    @Test
    void creatorInfoNeedsAValidTokenAndTheVideoPublishScope() {
        Reply noToken = api.postJson(CREATOR_INFO, null, "{}");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("access_token_invalid");

        Reply wrongScope = api.postJson(CREATOR_INFO, api.token(PUBLIC, "video.upload"), "{}");
        assertThat(wrongScope.status()).isEqualTo(401);
        assertThat(wrongScope.code()).isEqualTo("scope_not_authorized");
    }

    @Test
    void creatorInfoCanAlsoAnswerAVideoUploadOnlyTokenBySetting() {
        sim.close();
        sim = TestWorlds.start(TestWorlds.standard(TestWorlds.defaultSettings().creatorInfoAcceptsUploadScope(true).build()), clock);
        api = new SimulatorApi(sim);

        Reply uploadOnly = api.postJson(CREATOR_INFO, api.token(PUBLIC, "video.upload"), "{}");

        assertThat(uploadOnly.code()).isEqualTo("ok");
        assertThat(uploadOnly.data().path("creator_username").asString()).isEqualTo(PUBLIC);
        assertThat(api.postJson(CREATOR_INFO, api.token(PUBLIC, "user.info.basic"), "{}").code()).isEqualTo("scope_not_authorized");
    }

    @Test
    void userInfoReturnsTheFieldsAsked() {
        Reply reply = api.get("/v2/user/info/?fields=open_id,union_id,avatar_url,display_name,username",
                api.token(PUBLIC));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("user").path("open_id").asString())
                .isEqualTo(sim.world().creator(PUBLIC).orElseThrow().openId());
        assertThat(reply.data().path("user").path("username").asString()).isEqualTo(PUBLIC);
        assertThat(reply.data().path("user").has("follower_count")).isFalse();
    }

    @Test
    void userInfoErrors() {
        Reply noFields = api.get("/v2/user/info/", api.token(PUBLIC));
        assertThat(noFields.status()).isEqualTo(400);
        assertThat(noFields.code()).isEqualTo("invalid_params");

        Reply unscoped = api.get("/v2/user/info/?fields=open_id,follower_count", api.token(PUBLIC, "user.info.basic"));
        assertThat(unscoped.status()).isEqualTo(400);
        assertThat(unscoped.code()).isEqualTo("scope_permission_missed");

        Reply badToken = api.get("/v2/user/info/?fields=open_id", "act.nonsense");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.code()).isEqualTo("access_token_invalid");
    }

    @Test
    void userInfoCanOmitUnscopedFieldsInstead() {
        sim.close();
        sim = TestWorlds.start(TestWorlds.standard(TestWorlds.defaultSettings()
                .missingFieldScope(SimulatorSettings.MissingFieldScope.OMIT).build()), clock);
        api = new SimulatorApi(sim);

        Reply reply = api.get("/v2/user/info/?fields=open_id,follower_count", api.token(PUBLIC, "user.info.basic"));

        assertThat(reply.code()).isEqualTo("ok");
        assertThat(reply.data().path("user").has("open_id")).isTrue();
        assertThat(reply.data().path("user").has("follower_count")).isFalse();
    }
}
