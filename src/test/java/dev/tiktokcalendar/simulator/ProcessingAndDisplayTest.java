package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.tiktokcalendar.simulator.TestWorlds.NO_REMIX;
import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

/** Status after upload (contract §8), moderation and public ids, and the Display API (§10). */
class ProcessingAndDisplayTest {

    private final MutableClock clock = MutableClock.atFixedStart();
    private final TikTokSimulator sim = TestWorlds.start(TestWorlds.standard(), clock);
    private final SimulatorApi api = new SimulatorApi(sim);
    private final byte[] video = TestMedia.mp4(15, 30, 1080, 1920);

    @AfterEach
    void close() {
        sim.close();
    }

    private JsonNode status(String token, String publishId) {
        Reply reply = api.status(token, publishId);
        assertThat(reply.code()).isEqualTo("ok");
        return reply.data();
    }

    @Test
    void publicDirectPostGetsItsNineteenDigitIdOnlyAfterModeration() {
        String token = api.token(PUBLIC);
        String publishId = api.publishDirect(token, "PUBLIC_TO_EVERYONE", "my #first post", video);
        assertThat(status(token, publishId).path("status").asString()).isEqualTo("PROCESSING_UPLOAD");

        clock.advance(Duration.ofSeconds(3));
        JsonNode complete = status(token, publishId);
        assertThat(complete.path("status").asString()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(complete.path("publicaly_available_post_id").isEmpty()).isTrue();
        assertThat(complete.path("uploaded_bytes").asLong()).isEqualTo(video.length);

        clock.advance(Duration.ofSeconds(20));
        Reply moderated = api.status(token, publishId);
        JsonNode ids = moderated.data().path("publicaly_available_post_id");
        assertThat(ids.size()).isEqualTo(1);
        assertThat(ids.get(0).isIntegralNumber()).isTrue();
        assertThat(Long.toString(ids.get(0).longValue())).hasSize(19);
        assertThat(moderated.body()).contains("\"publicaly_available_post_id\":[" + ids.get(0).longValue() + "]");
    }

    @Test
    void nonPublicPostsNeverGetAPublicId() {
        String token = api.token(PUBLIC);
        String friends = api.publishDirect(token, "MUTUAL_FOLLOW_FRIENDS", "friends only", video);

        clock.advance(Duration.ofHours(2));

        JsonNode status = status(token, friends);
        assertThat(status.path("status").asString()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(status.path("publicaly_available_post_id").isEmpty()).isTrue();
        assertThat(api.postJson("/v2/video/list/?fields=id", token, "{}").data().path("videos").isEmpty()).isTrue();
    }

    @Test
    void badMediaFailsWithTheReasonTikTokGives() {
        String token = api.token(PUBLIC);
        String garbage = api.publishDirect(token, "SELF_ONLY", "garbage", TestMedia.garbage(3000));
        String slow = api.publishDirect(token, "SELF_ONLY", "slideshow", TestMedia.mp4(10, 10, 1080, 1920));
        String tooLong = api.publishDirect(api.token(NO_REMIX), "SELF_ONLY", "long", TestMedia.mp4(61, 30, 1080, 1920));

        clock.advance(Duration.ofSeconds(3));

        assertThat(status(token, garbage).path("fail_reason").asString()).isEqualTo("file_format_check_failed");
        assertThat(status(token, garbage).path("status").asString()).isEqualTo("FAILED");
        assertThat(status(token, slow).path("fail_reason").asString()).isEqualTo("frame_rate_check_failed");
        assertThat(status(api.token(NO_REMIX), tooLong).path("fail_reason").asString()).isEqualTo("duration_check_failed");
    }

    @Test
    void statusFetchErrors() {
        String token = api.token(PUBLIC);
        String publishId = api.publishDirect(token, "SELF_ONLY", "mine", video);

        Reply unknown = api.status(token, "v_pub_file~v2-1.123");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("invalid_publish_id");

        Reply someoneElse = api.status(api.token(PRIVATE), publishId);
        assertThat(someoneElse.status()).isEqualTo(400);
        assertThat(someoneElse.code()).isEqualTo("token_not_authorized_for_specified_publish_id");

        Reply missing = api.postJson("/v2/post/publish/status/fetch/", token, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("invalid_params");

        assertThat(api.status("act.x", publishId).code()).isEqualTo("access_token_invalid");
        assertThat(api.status(api.token(PUBLIC, "video.list"), publishId).code()).isEqualTo("scope_not_authorized");
        assertThat(api.status(api.token(PUBLIC, "video.upload"), publishId).code()).isEqualTo("ok");
    }

    @Test
    void cancelOnlyStopsUnfinishedDownloads() {
        String token = api.token(PUBLIC);
        String uploaded = api.publishDirect(token, "SELF_ONLY", "uploaded", video);

        Reply refused = api.postJson("/v2/post/publish/cancel/", token, "{\"publish_id\":\"" + uploaded + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("publish_not_cancellable");
        assertThat(api.postJson("/v2/post/publish/cancel/", token, "{\"publish_id\":\"nope\"}").code())
                .isEqualTo("invalid_publish_id");
    }

    @Test
    void videoListShowsPublicPostsNewestFirstWithStringIdsAndMillisecondCursor() {
        String token = api.token(PUBLIC);
        List<String> publishIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            publishIds.add(api.publishDirect(token, "PUBLIC_TO_EVERYONE", "post " + i, TestMedia.mp4(10 + i, 30, 1080, 1920)));
            clock.advance(Duration.ofMinutes(1));
        }
        api.publishDirect(token, "SELF_ONLY", "private one", TestMedia.mp4(20, 30, 1080, 1920));
        clock.advance(Duration.ofMinutes(1));
        publishIds.forEach(id -> api.status(token, id));

        Reply firstPage = api.postJson("/v2/video/list/?fields=id,title,create_time,share_url,duration", token,
                "{\"max_count\":2}");
        JsonNode videos = firstPage.data().path("videos");
        assertThat(videos.size()).isEqualTo(2);
        assertThat(videos.get(0).path("id").isString()).isTrue();
        assertThat(videos.get(0).path("title").asString()).isEqualTo("post 2");
        assertThat(videos.get(1).path("title").asString()).isEqualTo("post 1");
        assertThat(videos.get(0).path("share_url").asString())
                .startsWith("https://www.tiktok.com/@" + PUBLIC + "/video/" + videos.get(0).path("id").asString());
        assertThat(videos.get(0).has("cover_image_url")).isFalse();
        assertThat(firstPage.data().path("has_more").asBoolean()).isTrue();
        long cursor = firstPage.data().path("cursor").asLong();
        assertThat(cursor).isEqualTo(videos.get(1).path("create_time").asLong() * 1000);

        Reply secondPage = api.postJson("/v2/video/list/?fields=id,title", token, "{\"max_count\":2,\"cursor\":" + cursor + "}");
        assertThat(secondPage.data().path("videos").size()).isEqualTo(1);
        assertThat(secondPage.data().path("videos").get(0).path("title").asString()).isEqualTo("post 0");
        assertThat(secondPage.data().path("has_more").asBoolean()).isFalse();

        String postId = Long.toString(sim.posts(PUBLIC).get(0).publicPostIds().get(0));
        assertThat(videos.toString() + secondPage.data().path("videos")).contains("\"" + postId + "\"");
    }

    @Test
    void videoListAndQueryErrorsAndOwnership() {
        String token = api.token(PUBLIC);
        api.publishDirect(token, "PUBLIC_TO_EVERYONE", "public", video);
        clock.advance(Duration.ofMinutes(1));
        sim.tick();
        String postId = Long.toString(sim.posts(PUBLIC).get(0).publicPostIds().get(0));

        Reply query = api.postJson("/v2/video/query/?fields=id,title", token,
                "{\"filters\":{\"video_ids\":[\"" + postId + "\",\"123\"]}}");
        assertThat(query.data().path("videos").size()).isEqualTo(1);
        assertThat(api.postJson("/v2/video/query/?fields=id", api.token(PRIVATE),
                "{\"filters\":{\"video_ids\":[\"" + postId + "\"]}}").data().path("videos").isEmpty()).isTrue();

        assertThat(api.postJson("/v2/video/list/", token, "{}").code()).isEqualTo("invalid_params");
        assertThat(api.postJson("/v2/video/list/?fields=id", token, "{\"max_count\":21}").code()).isEqualTo("invalid_params");
        assertThat(api.postJson("/v2/video/list/?fields=id", api.token(PUBLIC, "video.publish"), "{}").code())
                .isEqualTo("scope_not_authorized");
        String tooMany = "[" + "\"1\",".repeat(20) + "\"1\"]";
        assertThat(api.postJson("/v2/video/query/?fields=id", token, "{\"filters\":{\"video_ids\":" + tooMany + "}}").code())
                .isEqualTo("invalid_params");
    }
}
