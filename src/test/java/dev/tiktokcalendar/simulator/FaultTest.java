package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.fault.EndpointFaults;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected faults (issue item 7): each kind does what it says, and a seeded profile repeats exactly. */
class FaultTest {

    private final MutableClock clock = MutableClock.atFixedStart();
    private final List<TikTokSimulator> started = new ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(TikTokSimulator::close);
    }

    private TikTokSimulator start(SimulatorSettings settings) {
        TikTokSimulator sim = TestWorlds.start(TestWorlds.standard(settings), clock);
        started.add(sim);
        return sim;
    }

    private static SimulatorSettings profile(long seed) {
        return TestWorlds.defaultSettings().seed(seed)
                .rateLimits(RateLimitSettings.defaults().withLimits(1000, 1000, 1000, 1000))
                .fault(Endpoint.CREATOR_INFO, new EndpointFaults(Map.of(
                        FaultKind.HTTP_500, 0.2, FaultKind.RATE_LIMITED, 0.2, FaultKind.ERROR_AS_HTTP_200, 0.1),
                        null, null))
                .build();
    }

    private static List<String> outcomes(TikTokSimulator sim) {
        SimulatorApi api = new SimulatorApi(sim);
        String token = api.token(PUBLIC);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Reply reply = api.postJson("/v2/post/publish/creator_info/query/", token, "{}");
            outcomes.add(reply.status() + ":" + reply.code());
        }
        return outcomes;
    }

    @Test
    void aSeededProfileRepeatsExactlyAndAnotherSeedDiffers() {
        List<String> first = outcomes(start(profile(7)));
        List<String> again = outcomes(start(profile(7)));
        List<String> otherSeed = outcomes(start(profile(8)));

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).contains("500:internal_error", "429:rate_limit_exceeded", "200:ok");
        assertThat(first.stream().filter("200:ok"::equals).count()).isBetween(12L, 36L);
    }

    @Test
    void droppedConnectionSlowAnswerAndErrorWithHttp200() {
        TikTokSimulator sim = start(TestWorlds.defaultSettings().timeScale(20).build());
        SimulatorApi api = new SimulatorApi(sim);
        String token = api.token(PUBLIC);

        // a POST, since java.net.http silently retries a GET once on a dropped connection
        sim.injectNext(Endpoint.CREATOR_INFO, Fault.of(FaultKind.DROP_CONNECTION));
        assertThatThrownBy(() -> api.postJson("/v2/post/publish/creator_info/query/", token, "{}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.requestLog()).anyMatch(r -> r.httpStatus() == 0 && r.fault() == FaultKind.DROP_CONNECTION);

        sim.injectNext(Endpoint.USER_INFO, Fault.slow(Duration.ofSeconds(4)));
        long started = System.nanoTime();
        assertThat(api.get("/v2/user/info/?fields=open_id", token).code()).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("4 s at time scale 20").isGreaterThanOrEqualTo(Duration.ofMillis(200));

        sim.injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.ERROR_AS_HTTP_200));
        Reply invalid = api.postJson("/v2/post/publish/video/init/", token, "{}");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.code()).isEqualTo("invalid_param");
    }

    @Test
    void aNamedDocumentedErrorIsAnsweredOnceWithItsStatusAndNothingIsCreated() {
        TikTokSimulator sim = start(TestWorlds.defaultSettings().build());
        SimulatorApi api = new SimulatorApi(sim);
        String token = api.token(PUBLIC);
        byte[] video = TestMedia.mp4(10, 30, 1080, 1920);

        sim.injectNext(Endpoint.VIDEO_INIT, Fault.error(403, "spam_risk_too_many_posts"));
        Reply refused = api.postJson("/v2/post/publish/video/init/", token, "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("spam_risk_too_many_posts");
        assertThat(sim.allPosts()).isEmpty();
        assertThat(api.publishDirect(token, "SELF_ONLY", "next one goes through", video)).isNotBlank();
        assertThatThrownBy(() -> EndpointFaults.of(FaultKind.ERROR_CODE, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("injectNext");
    }

    @Test
    void injectedFailuresOfOAuthEndpointsAreFlatOAuthErrors() {
        TikTokSimulator sim = start(TestWorlds.defaultSettings().build());
        SimulatorApi api = new SimulatorApi(sim);
        sim.injectNext(Endpoint.OAUTH_TOKEN, Fault.of(FaultKind.HTTP_500));

        Reply reply = api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "client_credentials"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().path("error").asString()).isEqualTo("server_error");
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void everyErrorWithHttp200IsASetting() {
        TikTokSimulator sim = start(TestWorlds.defaultSettings().errorsWithHttp200(true).build());
        SimulatorApi api = new SimulatorApi(sim);

        Reply reply = api.get("/v2/user/info/?fields=open_id", "act.invalid");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo("access_token_invalid");
    }

    @Test
    void publishesThatFailWithAChosenReasonOrNeverFinish() {
        TikTokSimulator sim = start(TestWorlds.defaultSettings().build());
        SimulatorApi api = new SimulatorApi(sim);
        String token = api.token(PUBLIC);
        byte[] video = TestMedia.mp4(10, 30, 1080, 1920);

        sim.injectNext(Endpoint.VIDEO_INIT, Fault.failPublish("spam_risk_text"));
        String spam = api.publishDirect(token, "SELF_ONLY", "buy now", video);
        sim.injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.NEVER_FINISH));
        String stuck = api.publishDirect(token, "SELF_ONLY", "stuck", video);
        clock.advance(Duration.ofHours(3));

        assertThat(api.status(api.token(PUBLIC), spam).data().path("fail_reason").asString()).isEqualTo("spam_risk_text");
        assertThat(api.status(api.token(PUBLIC), stuck).data().path("status").asString()).isEqualTo("PROCESSING_UPLOAD");
    }

    @Test
    void initThatAnswers500AfterCreatingThePost() {
        TikTokSimulator sim = start(TestWorlds.defaultSettings().build());
        SimulatorApi api = new SimulatorApi(sim);
        sim.injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.INIT_500_AFTER_CREATE));

        Reply reply = api.postJson("/v2/post/publish/video/init/", api.token(PUBLIC),
                SimulatorApi.pullBody("PUBLIC_TO_EVERYONE", "ambiguous", "https://media.example.com/videos/x.mp4"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo("internal_error");
        assertThat(sim.posts(PUBLIC)).singleElement().satisfies(post -> assertThat(post.caption()).isEqualTo("ambiguous"));
    }

    @Test
    void tokensRevokedMidRun() {
        TikTokSimulator sim = start(TestWorlds.defaultSettings().build());
        SimulatorApi api = new SimulatorApi(sim);
        String token = api.token(PUBLIC);
        Reply init = api.initDirectUpload(token, "SELF_ONLY", "half", 1000);
        String publishId = init.data().path("publish_id").asString();

        sim.injectNext(Endpoint.CREATOR_INFO, Fault.of(FaultKind.REVOKE_TOKEN));
        Reply revoked = api.postJson("/v2/post/publish/creator_info/query/", token, "{}");

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("access_token_invalid");
        assertThat(api.status(api.token(PUBLIC), publishId).data().path("fail_reason").asString()).isEqualTo("auth_removed");
    }
}
