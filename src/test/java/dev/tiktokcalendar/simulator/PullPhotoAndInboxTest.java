package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.world.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** PULL_FROM_URL videos (really downloaded), photo posts (§7) and inbox uploads (§5) end to end. */
class PullPhotoAndInboxTest {

    /** A 1×1 JPEG, enough for container detection. */
    private static final byte[] JPEG = Base64.getDecoder().decode(
            "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final MediaServer media = new MediaServer();
    private final MutableClock clock = MutableClock.atFixedStart();
    private final TikTokSimulator sim;
    private final SimulatorApi api;

    PullPhotoAndInboxTest() {
        World world = TestWorlds.standard(TestWorlds.defaultSettings().allowHttpMediaUrls(true).build());
        sim = TestWorlds.start(world.withApp(world.app().withVerifiedUrlPrefixes(List.of(media.baseUrl() + "/"))), clock);
        api = new SimulatorApi(sim);
    }

    @AfterEach
    void close() {
        sim.close();
        media.close();
    }

    private String status(String token, String publishId) {
        return api.status(token, publishId).data().path("status").asString();
    }

    private String pull(String token, String url) {
        Reply init = api.postJson("/v2/post/publish/video/init/", token, SimulatorApi.pullBody("PUBLIC_TO_EVERYONE", "pulled", url));
        assertThat(init.code()).as(init.body()).isEqualTo("ok");
        return init.data().path("publish_id").asString();
    }

    @Test
    void pulledVideoIsDownloadedThenPublished() {
        byte[] video = TestMedia.mp4(12, 30, 1080, 1920);
        String token = api.token(PUBLIC);
        String publishId = pull(token, media.serve("a.mp4", video));

        await().atMost(Duration.ofSeconds(5)).until(() -> api.status(token, publishId).data().path("downloaded_bytes").asLong() == video.length);
        assertThat(status(token, publishId)).isEqualTo("PROCESSING_DOWNLOAD");

        clock.advance(Duration.ofSeconds(5));
        assertThat(status(token, publishId)).isEqualTo("PUBLISH_COMPLETE");
        assertThat(sim.posts(PUBLIC).get(0).mediaKey()).startsWith("sha256:");
    }

    @Test
    void unreachableOrRedirectingUrlsFailWithVideoPullFailed() {
        String token = api.token(PUBLIC);
        String missing = pull(token, media.baseUrl() + "/media/missing.mp4");
        media.serve("b.mp4", TestMedia.mp4(12, 30, 1080, 1920));
        // both the redirecting URL and its target are verified: TikTok still refuses redirects
        String redirected = pull(token, media.baseUrl() + "/redirect/b.mp4");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(5));
            assertThat(api.status(token, missing).data().path("fail_reason").asString()).isEqualTo("video_pull_failed");
            assertThat(api.status(token, redirected).data().path("fail_reason").asString()).isEqualTo("video_pull_failed");
        });
    }

    @Test
    void aDownloadThatNeverEndsFailsAfterOneHour() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            sim.close();
            World world = TestWorlds.standard(TestWorlds.defaultSettings().allowHttpMediaUrls(true).build());
            TikTokSimulator hanging = TestWorlds.start(world.withApp(world.app().withVerifiedUrlPrefixes(
                    List.of("http://127.0.0.1:" + silent.getLocalPort() + "/"))), clock);
            try (hanging) {
                SimulatorApi hangingApi = new SimulatorApi(hanging);
                String token = hangingApi.token(PUBLIC);
                String publishId = hangingApi.postJson("/v2/post/publish/video/init/", token, SimulatorApi.pullBody(
                        "SELF_ONLY", "never", "http://127.0.0.1:" + silent.getLocalPort() + "/v.mp4")).data().path("publish_id").asString();
                clock.advance(Duration.ofMinutes(59));
                assertThat(hangingApi.status(token, publishId).data().path("status").asString()).isEqualTo("PROCESSING_DOWNLOAD");

                clock.advance(Duration.ofMinutes(1));
                hanging.tick();
                clock.advance(Duration.ofSeconds(3));

                JsonNode status = hangingApi.status(token, publishId).data();
                assertThat(status.path("status").asString()).isEqualTo("FAILED");
                assertThat(status.path("fail_reason").asString()).isEqualTo("video_pull_failed");
            }
        }
    }

    @Test
    void aDownloadCanBeCancelledWhileItRuns() {
        String token = api.token(PUBLIC);
        String publishId = pull(token, media.serve("c.mp4", TestMedia.mp4(12, 30, 1080, 1920)));

        Reply cancelled = api.postJson("/v2/post/publish/cancel/", token, "{\"publish_id\":\"" + publishId + "\"}");

        assertThat(cancelled.code()).isEqualTo("ok");
        assertThat(cancelled.json().has("data")).isFalse();
        JsonNode status = api.status(token, publishId).data();
        assertThat(status.path("status").asString()).isEqualTo("FAILED");
        assertThat(status.path("fail_reason").asString()).isEqualTo("publish_cancelled");
        assertThat(api.postJson("/v2/post/publish/cancel/", token, "{\"publish_id\":\"" + publishId + "\"}").code())
                .isEqualTo("publish_not_cancellable");
    }

    private Reply cancel(String token, String publishId) {
        return api.postJson("/v2/post/publish/cancel/", token, "{\"publish_id\":\"" + publishId + "\"}");
    }

    @Test
    void cancellingAPullFromAUrlTheAppNoLongerHasVerifiedIsUrlOwnershipUnverified() {
        String token = api.token(PUBLIC);
        String prefix = media.baseUrl() + "/";
        String publishId = pull(token, media.serve("d.mp4", TestMedia.mp4(12, 30, 1080, 1920)));
        String uploaded = api.publishDirect(token, "SELF_ONLY", "uploaded", TestMedia.mp4(10, 30, 1080, 1920));

        sim.removeVerifiedUrlPrefix(prefix);

        assertThat(sim.verifiedUrlPrefixes()).doesNotContain(prefix);
        Reply refused = cancel(token, publishId);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("url_ownership_unverified");
        assertThat(api.status(token, publishId).data().path("status").asString()).as("not cancelled").isEqualTo("PROCESSING_DOWNLOAD");
        assertThat(cancel(token, uploaded).code()).as("FILE_UPLOAD has no URL to own").isEqualTo("publish_not_cancellable");
        Reply init = api.postJson("/v2/post/publish/video/init/", token,
                SimulatorApi.pullBody("SELF_ONLY", "again", media.serve("e.mp4", TestMedia.mp4(12, 30, 1080, 1920))));
        assertThat(init.code()).isEqualTo("url_ownership_unverified");

        sim.verifyUrlPrefix(prefix);

        assertThat(cancel(token, publishId).code()).isEqualTo("ok");
    }

    @Test
    void verifiedDomainsCoverSubdomainsAndCanBeRemovedWhileRunning() {
        String token = api.token(PUBLIC);
        String url = "https://video.cdn.Other.example/v.mp4";
        assertThat(api.postJson("/v2/post/publish/video/init/", token, SimulatorApi.pullBody("SELF_ONLY", "x", url)).code())
                .isEqualTo("url_ownership_unverified");

        sim.verifyDomain("Other.Example");
        assertThat(sim.verifiedDomains()).containsExactly("other.example");
        String publishId = api.postJson("/v2/post/publish/video/init/", token, SimulatorApi.pullBody("SELF_ONLY", "x", url))
                .data().path("publish_id").asString();
        assertThat(publishId).startsWith("v_pub_url~v2.");

        sim.removeVerifiedDomain("other.example");
        assertThat(cancel(token, publishId).code()).isEqualTo("url_ownership_unverified");
        assertThat(api.postJson("/v2/post/publish/video/init/", token, SimulatorApi.pullBody("SELF_ONLY", "x", url)).code())
                .isEqualTo("url_ownership_unverified");
        assertThatThrownBy(() -> sim.removeVerifiedDomain("other.example")).isInstanceOf(IllegalArgumentException.class);
    }

    private String photoBody(String mode, String privacy, List<String> urls, int cover) {
        String images = urls.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","));
        return """
                {"media_type":"PHOTO","post_mode":"%s",
                 "post_info":{"title":"funny cat","description":"a #funny photo","privacy_level":"%s","disable_comment":false,
                              "auto_add_music":true,"brand_content_toggle":false,"brand_organic_toggle":false},
                 "source_info":{"source":"PULL_FROM_URL","photo_cover_index":%d,"photo_images":[%s]}}
                """.formatted(mode, privacy, cover, images);
    }

    @Test
    void photoPostIsDownloadedCheckedAndPublished() {
        String token = api.token(PUBLIC);
        List<String> urls = List.of(media.serve("1.jpg", JPEG), media.serve("2.jpg", JPEG));

        Reply init = api.postJson("/v2/post/publish/content/init/", token, photoBody("DIRECT_POST", "PUBLIC_TO_EVERYONE", urls, 1));

        assertThat(init.code()).isEqualTo("ok");
        String publishId = init.data().path("publish_id").asString();
        assertThat(publishId).matches("p_pub_url~v2\\.\\d{19}");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(5));
            assertThat(status(token, publishId)).isEqualTo("PUBLISH_COMPLETE");
        });

        String png = api.postJson("/v2/post/publish/content/init/", token,
                photoBody("DIRECT_POST", "SELF_ONLY", List.of(media.serve("x.png", PNG)), 0)).data().path("publish_id").asString();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(5));
            assertThat(api.status(token, png).data().path("fail_reason").asString()).isEqualTo("file_format_check_failed");
        });
    }

    /** Spaces inits 11 s apart (on the injected clock) so the 6-per-minute init limit never answers. */
    private Reply photoInit(String token, String body) {
        clock.advance(Duration.ofSeconds(11));
        return api.postJson("/v2/post/publish/content/init/", token, body);
    }

    @Test
    void photoValidation() {
        String token = api.token(PUBLIC);
        String one = media.serve("1.jpg", JPEG);

        assertThat(photoInit(token, photoBody("DIRECT_POST", "SELF_ONLY", List.of(), 0)).code()).isEqualTo("invalid_param");
        List<String> thirtySix = IntStream.range(0, 36).mapToObj(i -> one).toList();
        assertThat(photoInit(token, photoBody("DIRECT_POST", "SELF_ONLY", thirtySix, 0)).code()).isEqualTo("invalid_param");
        List<String> thirtyFive = IntStream.range(0, 35).mapToObj(i -> one).toList();
        assertThat(photoInit(token, photoBody("DIRECT_POST", "SELF_ONLY", thirtyFive, 34)).code()).isEqualTo("ok");
        assertThat(photoInit(token, photoBody("DIRECT_POST", "SELF_ONLY", List.of(one), 1)).code()).isEqualTo("invalid_param");
        assertThat(photoInit(token, photoBody("DIRECT_POST", "SELF_ONLY", List.of(one), 0)
                .replace("\"PHOTO\"", "\"VIDEO\"")).code()).isEqualTo("invalid_param");
        assertThat(photoInit(token, photoBody("DIRECT_POST", "SELF_ONLY", List.of(one), 0)
                .replace("funny cat", "x".repeat(91))).code()).isEqualTo("invalid_param");
        Reply unverified = photoInit(token, photoBody("DIRECT_POST", "SELF_ONLY", List.of("https://elsewhere.example/a.jpg"), 0));
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.code()).isEqualTo("url_ownership_unverified");
        assertThat(photoInit(token, photoBody("DIRECT_POST", "FOLLOWER_OF_CREATOR", List.of(one), 0)).code())
                .isEqualTo("privacy_level_option_mismatch");
        assertThat(photoInit(api.token(PUBLIC, "video.upload"), photoBody("DIRECT_POST", "SELF_ONLY", List.of(one), 0)).code())
                .isEqualTo("scope_not_authorized");
        assertThat(photoInit(api.token(PUBLIC, "video.upload"), photoBody("MEDIA_UPLOAD", "", List.of(one), 0)).code())
                .isEqualTo("ok");
    }

    @Test
    void inboxUploadEndsInTheCreatorsInboxAndCapsPendingShares() {
        String token = api.token(PRIVATE, "video.upload");
        byte[] video = TestMedia.mp4(12, 30, 1080, 1920);
        String body = """
                {"source_info":{"source":"FILE_UPLOAD","video_size":%d,"chunk_size":%d,"total_chunk_count":1}}"""
                .formatted(video.length, video.length);
        Reply first = api.postJson("/v2/post/publish/inbox/video/init/", token, body);
        assertThat(api.uploadWhole(first, video).status()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(3));
        String publishId = first.data().path("publish_id").asString();
        assertThat(status(token, publishId)).isEqualTo("SEND_TO_USER_INBOX");
        assertThat(api.status(token, publishId).data().path("publicaly_available_post_id").isEmpty()).isTrue();

        for (int i = 1; i < 5; i++) {
            assertThat(api.postJson("/v2/post/publish/inbox/video/init/", token, body).code()).isEqualTo("ok");
        }
        clock.advance(Duration.ofMinutes(1)); // the init rate limit is 6 per minute; the pending cap is 5
        Reply sixth = api.postJson("/v2/post/publish/inbox/video/init/", token, body);
        assertThat(sixth.status()).isEqualTo(403);
        assertThat(sixth.code()).isEqualTo("spam_risk_too_many_pending_share");
    }
}
