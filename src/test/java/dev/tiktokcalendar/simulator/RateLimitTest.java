package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.inspect.RequestRecord;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.RateLimitSettings.RateLimitKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sliding 60-second windows per creator and endpoint (contract §12), at the boundary, and the undocumented ones. */
class RateLimitTest {

    private static final String INIT = "/v2/post/publish/video/init/";

    private final MutableClock clock = MutableClock.atFixedStart();
    private TikTokSimulator sim = TestWorlds.start(TestWorlds.standard(), clock);
    private SimulatorApi api = new SimulatorApi(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    private Reply init(String token) {
        return api.postJson(INIT, token, SimulatorApi.directVideoBody("SELF_ONLY", "x", 1000, 1000, 1));
    }

    @Test
    void sixInitsPassTheSeventhFailsAndOneMorePassesOnceTheOldestLeavesTheWindow() {
        String token = api.token(PUBLIC);
        for (int i = 0; i < 6; i++) {
            assertThat(init(token).code()).as("init %d", i + 1).isEqualTo("ok");
            clock.advance(Duration.ofSeconds(5)); // the oldest at t=0, the sixth at t=25 s
        }
        clock.advance(Duration.ofSeconds(29)); // t=59 s: all six still inside the window

        Reply seventh = init(token);
        assertThat(seventh.status()).isEqualTo(429);
        assertThat(seventh.code()).isEqualTo("rate_limit_exceeded");

        clock.advance(Duration.ofSeconds(1)); // t=60 s: the oldest leaves
        assertThat(init(token).code()).isEqualTo("ok");
        assertThat(init(token).code()).as("only one slot was freed").isEqualTo("rate_limit_exceeded");

        assertThat(sim.overLimitRequests()).extracting(RequestRecord::endpoint).containsExactly(Endpoint.VIDEO_INIT, Endpoint.VIDEO_INIT);
        assertThat(sim.overLimitRequests()).allMatch(r -> r.httpStatus() == 429);
    }

    @Test
    void concurrentInitsOfOneCreatorNeverGetMoreThanSix() throws Exception {
        String token = api.token(PUBLIC);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                codes.add(pool.submit(() -> init(token).code()));
            }
            long ok = 0;
            for (java.util.concurrent.Future<String> code : codes) {
                ok += "ok".equals(code.get()) ? 1 : 0;
            }
            assertThat(ok).isEqualTo(6);
            assertThat(sim.overLimitRequests()).hasSize(18);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statusAndCreatorInfoHaveTheirOwnBudgets() {
        String token = api.token(PUBLIC);
        String publishId = init(token).data().path("publish_id").asString();
        for (int i = 0; i < 30; i++) {
            assertThat(api.status(token, publishId).code()).isEqualTo("ok");
        }
        assertThat(api.status(token, publishId).code()).isEqualTo("rate_limit_exceeded");
        for (int i = 0; i < 20; i++) {
            assertThat(api.postJson("/v2/post/publish/creator_info/query/", token, "{}").code()).isEqualTo("ok");
        }
        assertThat(api.postJson("/v2/post/publish/creator_info/query/", token, "{}").code()).isEqualTo("rate_limit_exceeded");
        assertThat(api.postJson("/v2/post/publish/creator_info/query/", api.token(PRIVATE), "{}").code())
                .as("another creator").isEqualTo("ok");
    }

    @Test
    void aRefreshedTokenDoesNotGetAFreshBudget() {
        var issued = sim.issueTokens(PUBLIC);
        for (int i = 0; i < 6; i++) {
            assertThat(init(issued.accessToken()).code()).isEqualTo("ok");
        }
        String refreshed = api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "refresh_token",
                "refresh_token", issued.refreshToken())).json().path("access_token").asString();

        assertThat(init(refreshed).code()).isEqualTo("rate_limit_exceeded");
        assertThat(init(api.token(PUBLIC)).code()).as("any new token of the creator").isEqualTo("rate_limit_exceeded");
    }

    @Test
    void perTokenCountingIsASetting() {
        sim.close();
        sim = TestWorlds.start(TestWorlds.standard(TestWorlds.defaultSettings()
                .rateLimits(RateLimitSettings.defaults().withKey(RateLimitKey.TOKEN)).build()), clock);
        api = new SimulatorApi(sim);
        String first = api.token(PUBLIC);
        for (int i = 0; i < 6; i++) {
            init(first);
        }

        assertThat(init(first).code()).isEqualTo("rate_limit_exceeded");
        assertThat(init(api.token(PUBLIC)).code()).isEqualTo("ok");
    }

    private void restart(RateLimitSettings limits) {
        sim.close();
        sim = TestWorlds.start(TestWorlds.standard(TestWorlds.defaultSettings().rateLimits(limits).build()), clock);
        api = new SimulatorApi(sim);
    }

    private String userInfo(String token) {
        return api.get("/v2/user/info/?fields=open_id", token).code();
    }

    @Test
    void displayLimitsAreCountedPerCreatorByDefault() {
        restart(RateLimitSettings.defaults().withLimits(6, 30, 20, 3));
        String alice = api.token(PUBLIC);
        for (int i = 0; i < 3; i++) {
            assertThat(userInfo(alice)).isEqualTo("ok");
        }

        assertThat(userInfo(alice)).isEqualTo("rate_limit_exceeded");
        assertThat(userInfo(api.token(PRIVATE))).as("another creator").isEqualTo("ok");
    }

    @Test
    void displayLimitsCanBeOneBudgetForTheWholeApp() {
        restart(RateLimitSettings.defaults().withLimits(6, 30, 20, 3).withDisplayKey(RateLimitKey.APP));
        String alice = api.token(PUBLIC);
        String bob = api.token(PRIVATE);
        assertThat(userInfo(alice)).isEqualTo("ok");
        assertThat(userInfo(alice)).isEqualTo("ok");
        assertThat(userInfo(bob)).isEqualTo("ok");

        assertThat(userInfo(bob)).as("alice used the app's budget").isEqualTo("rate_limit_exceeded");
        assertThat(userInfo(alice)).isEqualTo("rate_limit_exceeded");
        assertThat(api.postJson("/v2/video/list/?fields=id", bob, "{}").code()).as("each endpoint has its own").isEqualTo("ok");
        assertThat(init(alice).code()).as("the other limits stay per creator").isEqualTo("ok");
    }

    @Test
    void cancelIsNotLimitedUnlessSet() {
        String token = api.token(PUBLIC);
        for (int i = 0; i < 40; i++) {
            assertThat(api.postJson("/v2/post/publish/cancel/", token, "{\"publish_id\":\"nope\"}").code())
                    .isEqualTo("invalid_publish_id");
        }

        restart(RateLimitSettings.defaults().withUndocumentedLimits(2, null));
        String limited = api.token(PUBLIC);
        for (int i = 0; i < 2; i++) {
            assertThat(api.postJson("/v2/post/publish/cancel/", limited, "{\"publish_id\":\"nope\"}").code())
                    .isEqualTo("invalid_publish_id");
        }
        Reply third = api.postJson("/v2/post/publish/cancel/", limited, "{\"publish_id\":\"nope\"}");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void oauthEndpointsAreNotLimitedUnlessSetAndThenPerApp() {
        for (int i = 0; i < 40; i++) {
            assertThat(clientCredentials().json().has("access_token")).isTrue();
        }

        restart(RateLimitSettings.defaults().withUndocumentedLimits(null, 2));
        assertThat(clientCredentials().json().has("access_token")).isTrue();
        assertThat(clientCredentials().json().has("access_token")).isTrue();

        Reply third = clientCredentials();
        assertThat(third.status()).isEqualTo(503);
        assertThat(third.json().path("error").asString()).isEqualTo("temporarily_unavailable");
        assertThat(sim.overLimitRequests()).extracting(RequestRecord::endpoint).containsExactly(Endpoint.OAUTH_TOKEN);
        var tokens = sim.issueTokens(PUBLIC);
        assertThat(api.postForm("/v2/oauth/revoke/", api.clientForm("token", tokens.accessToken())).status())
                .as("revoke has its own budget").isEqualTo(200);
    }

    private Reply clientCredentials() {
        return api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "client_credentials"));
    }

    @Test
    void timeScaleShortensTheWindowSoAMinuteLastsThreeSeconds() {
        sim.close();
        sim = TikTokSimulator.builder().world(TestWorlds.standard(TestWorlds.defaultSettings().timeScale(20).build()))
                .clock(Clock.systemUTC()).start();
        api = new SimulatorApi(sim);
        String token = api.token(PUBLIC);
        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            assertThat(init(token).code()).isEqualTo("ok");
        }
        // a 3 s window leaves a loaded machine ample time for the 7th request to land inside it
        assertThat(init(token).code()).isEqualTo("rate_limit_exceeded");

        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(50))
                .until(() -> "ok".equals(init(token).code()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
    }
}
