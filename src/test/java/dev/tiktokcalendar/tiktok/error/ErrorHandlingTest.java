package dev.tiktokcalendar.tiktok.error;

import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.inspect.RequestRecord;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.VideoPostInfo;
import dev.tiktokcalendar.tiktok.api.VideoSource;
import dev.tiktokcalendar.tiktok.upload.ChunkPlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Classified failures end to end against the simulator: TikTok's codes, HTTP-200 errors, 429, 5xx, lost answers. */
class ErrorHandlingTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("errors");
    private static TikTokSimulator sim;
    private static ClientFixture fixture;
    private static TikTokClient client;

    @BeforeAll
    static void start() {
        sim = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
                List.of(WorldCreator.named("banned").asBanned(), WorldCreator.named("private").asPrivate(),
                        WorldCreator.named("flaky"), WorldCreator.named("limited"), WorldCreator.named("ambiguous")),
                SimulatorSettings.builder().build())).start();
        fixture = new ClientFixture(sim, DATABASE);
        client = fixture.clients().client();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aBannedCreatorCannotPostEvenWhenCreatorInfoAnswersHttp200() {
        long banned = fixture.connect("banned");

        TikTokError creatorInfo = client.creatorInfo(banned).error();
        TikTokError init = client.initDirectVideo(banned, video("SELF_ONLY")).error();

        assertThat(creatorInfo.errorClass()).isEqualTo(ErrorClass.ACCOUNT_CANNOT_POST);
        assertThat(creatorInfo.httpStatus()).isEqualTo(200);
        assertThat(creatorInfo.code()).isEqualTo("spam_risk_user_banned_from_posting");
        assertThat(creatorInfo.logId()).isNotBlank();
        assertThat(init.errorClass()).isEqualTo(ErrorClass.ACCOUNT_CANNOT_POST);
    }

    @Test
    void aPrivacyLevelTheCreatorDoesNotOfferMakesThePostInvalid() {
        long account = fixture.connect("private");

        TikTokError error = client.initDirectVideo(account, video("PUBLIC_TO_EVERYONE")).error();

        assertThat(error.errorClass()).isEqualTo(ErrorClass.POST_INVALID);
        assertThat(error.code()).isEqualTo("privacy_level_option_mismatch");
        assertThat(error.userAction()).contains("privacy level");
    }

    @Test
    void errorsSentWithHttp200AndTheInvalidParamsSpellingAreStillErrors() {
        try (TikTokSimulator quirky = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
                List.of(WorldCreator.named("quirky")),
                SimulatorSettings.builder().errorsWithHttp200(true).invalidParamCode("invalid_params").build())).start()) {
            ClientFixture local = new ClientFixture(quirky, DATABASE);
            long account = local.connect("quirky");

            TikTokError error = local.clients().client().initDirectVideo(account, new DirectVideoInit(
                    new VideoPostInfo("x", "SELF_ONLY", false, false, false, null, false, false, false),
                    new VideoSource("FILE_UPLOAD", 50_000_000L, 1_000L, 50_000, null))).error();

            assertThat(error.httpStatus()).isEqualTo(200);
            assertThat(error.code()).isEqualTo("invalid_params");
            assertThat(error.errorClass()).isEqualTo(ErrorClass.POST_INVALID);
            assertThat(quirky.allPosts()).isEmpty();
        }
    }

    @Test
    void a429DefersAndPushesTheAccountsWindowForward() {
        long account = fixture.connect("limited");
        sim.injectNext(Endpoint.STATUS_FETCH, Fault.of(FaultKind.RATE_LIMITED));
        int mark = sim.requestLog().size();

        TikTokError limited = client.fetchStatus(account, "v_pub_file~v2-1.1").error();
        TikTokError next = client.fetchStatus(account, "v_pub_file~v2-1.1").error();

        assertThat(limited.errorClass()).isEqualTo(ErrorClass.DEFER);
        assertThat(limited.code()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.retryAt()).isCloseTo(Instant.now().plusSeconds(60), within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(next.code()).isEqualTo("local_rate_limit");
        assertThat(next.retryAt()).isEqualTo(limited.retryAt());
        assertThat(sim.requestLog().subList(mark, sim.requestLog().size())).as("no retry of a 429, nothing sent while deferred")
                .hasSize(1);
    }

    @Test
    void aServerErrorOnAReadIsRetriedWithBackoff() {
        long account = fixture.connect("flaky");
        sim.injectNext(Endpoint.CREATOR_INFO, Fault.of(FaultKind.HTTP_500));
        int mark = sim.requestLog().size();

        assertThat(client.creatorInfo(account).isOk()).isTrue();

        assertThat(sim.requestLog().subList(mark, sim.requestLog().size())).extracting(RequestRecord::httpStatus)
                .containsExactly(500, 200);
    }

    @Test
    void anInitThatMayHaveLandedIsUnknownAndNeverRetried() {
        long account = fixture.connect("ambiguous");
        int mark = sim.requestLog().size();
        sim.injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.INIT_500_AFTER_CREATE));

        TikTokError afterCreate = client.initDirectVideo(account, video("SELF_ONLY")).error();
        sim.injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.DROP_CONNECTION));
        TikTokError dropped = client.initDirectVideo(account, video("SELF_ONLY")).error();

        assertThat(afterCreate.errorClass()).isEqualTo(ErrorClass.OUTCOME_UNKNOWN);
        assertThat(dropped.errorClass()).isEqualTo(ErrorClass.OUTCOME_UNKNOWN);
        assertThat(dropped.code()).isEqualTo("transport_error");
        assertThat(sim.requestLog().subList(mark, sim.requestLog().size()))
                .filteredOn(r -> r.endpoint() == Endpoint.VIDEO_INIT).hasSize(2);
        assertThat(sim.posts("ambiguous")).hasSizeLessThanOrEqualTo(2).isNotEmpty();
    }

    private static DirectVideoInit video(String privacy) {
        return new DirectVideoInit(new VideoPostInfo("t", privacy, false, false, false, null, false, false, false),
                VideoSource.fileUpload(new ChunkPlanner(10_000_000L).plan(1_000_000L)));
    }

}
