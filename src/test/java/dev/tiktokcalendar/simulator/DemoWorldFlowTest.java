package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new user sees on the default run: the demo world, through the consent page to a public post. */
class DemoWorldFlowTest {

    private static final MutableClock CLOCK = MutableClock.atFixedStart();
    private static final String REDIRECT = "http://localhost:8080/oauth/tiktok/callback/";

    @RegisterExtension
    static final TikTokSimulatorExtension SIMULATOR = TikTokSimulatorExtension.with(() -> TikTokSimulator.builder().clock(CLOCK));

    @Test
    void consentThenCreatorInfoThenUploadThenPublicPost() {
        TikTokSimulator sim = SIMULATOR.simulator();
        SimulatorApi api = new SimulatorApi(sim);
        String creator = sim.world().creators().get(0).username();

        Reply consent = api.postForm("/v2/auth/authorize/consent/", Map.of(
                "client_key", sim.world().app().clientKey(), "scope", "user.info.basic,video.publish,video.list",
                "redirect_uri", REDIRECT, "state", "xyz", "response_type", "code", "creator", creator, "decision", "authorize"));
        String code = URI.create(consent.header("Location")).getQuery().replaceAll(".*code=([^&]*).*", "$1");
        Reply tokens = api.postForm("/v2/oauth/token/", api.clientForm("code", code, "grant_type", "authorization_code",
                "redirect_uri", REDIRECT));
        String token = tokens.json().path("access_token").asString();

        Reply creatorInfo = api.postJson("/v2/post/publish/creator_info/query/", token, "{}");
        assertThat(creatorInfo.data().path("creator_username").asString()).isEqualTo(creator);

        String publishId = api.publishDirect(token, "PUBLIC_TO_EVERYONE", "fresh bread #demo", TestMedia.mp4(20, 30, 1080, 1920));
        CLOCK.advance(Duration.ofMinutes(1));

        Reply status = api.status(token, publishId);
        assertThat(status.data().path("status").asString()).isEqualTo("PUBLISH_COMPLETE");
        String postId = Long.toString(status.data().path("publicaly_available_post_id").get(0).longValue());
        Reply list = api.postJson("/v2/video/list/?fields=id,title,share_url", token, "{}");
        assertThat(list.data().path("videos").get(0).path("id").asString()).isEqualTo(postId);
        assertThat(list.data().path("videos").get(0).path("share_url").asString())
                .startsWith("https://www.tiktok.com/@" + creator + "/video/" + postId);
    }
}
