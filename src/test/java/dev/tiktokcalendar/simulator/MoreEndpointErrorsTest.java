package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.tiktokcalendar.simulator.TestWorlds.BANNED;
import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

/** The documented errors not covered by the endpoint-specific tests: 429 everywhere, inbox, photo and cancel. */
class MoreEndpointErrorsTest {

    private static final String INBOX = "/v2/post/publish/inbox/video/init/";
    private static final String PHOTO = "/v2/post/publish/content/init/";
    private static final String INBOX_BODY = """
            {"source_info":{"source":"FILE_UPLOAD","video_size":1000,"chunk_size":1000,"total_chunk_count":1}}""";

    private final MutableClock clock = MutableClock.atFixedStart();
    private TikTokSimulator sim = start(TestWorlds.standard(TestWorlds.defaultSettings()
            .rateLimits(RateLimitSettings.defaults().withLimits(1, 1, 1, 1)).build()));
    private SimulatorApi api = new SimulatorApi(sim);

    private TikTokSimulator start(World world) {
        return TestWorlds.start(world, clock);
    }

    @AfterEach
    void close() {
        sim.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET  | /v2/user/info/?fields=open_id              | ",
            "POST | /v2/video/list/?fields=id                  | {}",
            "POST | /v2/video/query/?fields=id                 | {\"filters\":{\"video_ids\":[\"1\"]}}",
            "POST | /v2/post/publish/creator_info/query/       | {}",
            "POST | /v2/post/publish/video/init/               | {}",
            "POST | /v2/post/publish/inbox/video/init/         | {}",
            "POST | /v2/post/publish/content/init/             | {}",
            "POST | /v2/post/publish/status/fetch/             | {\"publish_id\":\"x\"}",
    })
    void everyLimitedEndpointAnswers429OverItsLimit(String method, String path, String body) {
        String token = api.token(PUBLIC);
        Reply first = "GET".equals(method) ? api.get(path, token) : api.postJson(path, token, body);
        Reply second = "GET".equals(method) ? api.get(path, token) : api.postJson(path, token, body);

        assertThat(first.status()).isNotEqualTo(429);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.code()).isEqualTo("rate_limit_exceeded");
        assertThat(second.json().path("error").path("message").asString()).isNotBlank();
    }

    private void unlimited() {
        sim.close();
        sim = start(TestWorlds.standard());
        api = new SimulatorApi(sim);
    }

    @Test
    void inboxInitErrors() {
        unlimited();
        assertThat(api.postJson(INBOX, api.token(PUBLIC), "{\"source_info\":{\"source\":\"NOPE\"}}").code()).isEqualTo("invalid_param");
        Reply banned = api.postJson(INBOX, api.token(BANNED), INBOX_BODY);
        assertThat(banned.status()).isEqualTo(403);
        assertThat(banned.code()).isEqualTo("spam_risk_user_banned_from_posting");
        Reply unverified = api.postJson(INBOX, api.token(PUBLIC),
                "{\"source_info\":{\"source\":\"PULL_FROM_URL\",\"video_url\":\"https://elsewhere.example/v.mp4\"}}");
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.code()).isEqualTo("url_ownership_unverified");
        assertThat(api.postJson(INBOX, "act.nope", INBOX_BODY).code()).isEqualTo("access_token_invalid");
    }

    private static String photo(String mode, String privacy) {
        return """
                {"media_type":"PHOTO","post_mode":"%s","post_info":{"title":"t","privacy_level":"%s"},
                 "source_info":{"source":"PULL_FROM_URL","photo_cover_index":0,"photo_images":["https://media.example.com/videos/a.jpg"]}}
                """.formatted(mode, privacy);
    }

    @Test
    void photoInitErrorsOfTheAccountAndTheApp() {
        unlimited();
        assertThat(api.postJson(PHOTO, api.token(BANNED), photo("DIRECT_POST", "SELF_ONLY")).code())
                .isEqualTo("spam_risk_user_banned_from_posting");
        assertThat(api.postJson(PHOTO, api.token(PUBLIC), photo("DIRECT_POST", "SELF_ONLY")
                .replace("PULL_FROM_URL", "FILE_UPLOAD")).code()).isEqualTo("invalid_param");
        assertThat(api.postJson(PHOTO, api.token(PUBLIC), photo("SCHEDULED", "SELF_ONLY")).code()).isEqualTo("invalid_param");
        String pending = api.token(PRIVATE, "video.upload");
        for (int i = 0; i < 5; i++) {
            assertThat(api.postJson(PHOTO, pending, photo("MEDIA_UPLOAD", "")).code()).isEqualTo("ok");
        }
        // the sixth init is still within the 6-per-minute limit; the five drafts are still downloading
        assertThat(api.postJson(PHOTO, api.token(PRIVATE, "video.upload"), photo("MEDIA_UPLOAD", "")).code())
                .isEqualTo("spam_risk_too_many_pending_share");

        sim.close();
        World unaudited = TestWorlds.standard();
        sim = start(unaudited.withApp(unaudited.app().withAudited(false).withActiveUserCap(1)));
        api = new SimulatorApi(sim);
        assertThat(api.postJson(PHOTO, api.token(PUBLIC), photo("DIRECT_POST", "SELF_ONLY")).code())
                .isEqualTo("unaudited_client_can_only_post_to_private_accounts");
        assertThat(api.postJson(PHOTO, api.token(PRIVATE), photo("DIRECT_POST", "SELF_ONLY")).code()).isEqualTo("ok");
        assertThat(api.postJson(PHOTO, api.token(TestWorlds.NO_REMIX), photo("DIRECT_POST", "SELF_ONLY")).code())
                .isEqualTo("reached_active_user_cap");
    }

    @Test
    void cancelOfAnotherCreatorsPublish() {
        unlimited();
        String publishId = api.postJson("/v2/post/publish/video/init/", api.token(PUBLIC),
                SimulatorApi.pullBody("SELF_ONLY", "x", "https://media.example.com/videos/a.mp4")).data().path("publish_id").asString();

        Reply reply = api.postJson("/v2/post/publish/cancel/", api.token(PRIVATE), "{\"publish_id\":\"" + publishId + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("token_not_authorized_for_specified_publish_id");
        assertThat(api.postJson("/v2/post/publish/cancel/", "act.nope", "{\"publish_id\":\"" + publishId + "\"}").code())
                .isEqualTo("access_token_invalid");
        assertThat(List.of(sim.posts(PUBLIC).get(0).publishId())).containsExactly(publishId);
    }
}
