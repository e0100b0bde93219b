package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.PostHistory;
import dev.tiktokcalendar.scheduling.BatchJobLauncher;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.TikTokSimulatorExtension;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.support.TestDatabase;
import dev.tiktokcalendar.tiktok.auth.Secret;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A calendar of videos (direct and inbox) and photo carousels for several kinds of creators goes through the real
 * publishDuePostsJob and reconcileStatusJob against the simulator over real HTTP, on a schema of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "calendar.simulator.embedded=false",
        "spring.quartz.auto-startup=false",
        "calendar.encryption-key=q6ZzV0m7t0b3cXv1mYQ8x0B2F7m3n8k1pQ4r6s9u2wE=",
        "calendar.publishing.reconciliation.first-check=300ms",
        "calendar.publishing.reconciliation.max-interval=1s",
        "calendar.publishing.reconciliation.public-id-interval=300ms",
        "calendar.publishing.reconciliation.public-id-patience=20s",
        "calendar.publishing.reconciliation.unknown-search-window=15s",
        "calendar.publishing.retry-backoff=200ms",
        "calendar.publishing.transient-backoff=200ms",
        "tiktok.retry.max-attempts=2",
        "tiktok.rate-limits.init.count=1000",
        "tiktok.rate-limits.status.count=1000",
        "tiktok.rate-limits.creator-info.count=1000"})
class PublishingEndToEndTest {

    private static final String SCHEMA = TestDatabase.newSchema("publish_e2e");
    // started before the simulator extension, which needs its address for the verified prefix
    private static final HttpServer mediaHost = startMediaHost();
    // the application's own port is fixed up front: TikTok pulls local photos from its /media/ endpoint
    private static final int APP_PORT = freePort();
    private static Path mediaRoot;

    @RegisterExtension
    static TikTokSimulatorExtension sim = TikTokSimulatorExtension.with(() -> TikTokSimulator.builder().world(world()));

    private static World world() {
        return new World(WorldApp.defaults().withVerifiedUrlPrefixes(List.of(mediaBase(), appMediaBase())),
                List.of(WorldCreator.named("alice"), WorldCreator.named("bob").asPrivate(),
                        WorldCreator.named("carol").withInteractionsDisabled(true, true, true),
                        WorldCreator.named("dave").asBanned()),
                SimulatorSettings.builder().processingDelay(Duration.ofMillis(200)).downloadDelay(Duration.ofMillis(200))
                        .moderationDelay(Duration.ofMillis(600)).allowHttpMediaUrls(true)
                        // the fail_reason table sends more than TikTok's 6 inits a minute for one creator
                        .rateLimits(RateLimitSettings.defaults().withLimits(1000, 1000, 1000, 1000)).build());
    }

    private static HttpServer startMediaHost() {
        try {
            byte[] photo = Files.readAllBytes(Path.of("src/test/resources/media/photo.jpg"));
            byte[] video = Files.readAllBytes(Path.of("src/test/resources/media/ok-h264-360x640-30fps-1s.mp4"));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
            server.createContext("/photos/", exchange -> {
                try (exchange) {
                    boolean isVideo = exchange.getRequestURI().getPath().endsWith(".mp4");
                    byte[] body = isVideo ? video : photo;
                    exchange.getResponseHeaders().set("Content-Type", isVideo ? "video/mp4" : "image/jpeg");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void mediaRoot() throws IOException {
        mediaRoot = Files.createTempDirectory("publish-e2e-media");
        Files.copy(Path.of("src/test/resources/media/ok-h264-360x640-30fps-1s.mp4"), mediaRoot.resolve("clip.mp4"));
        Files.copy(Path.of("src/test/resources/media/photo.jpg"), mediaRoot.resolve("loaf.jpg"));
        Files.copy(Path.of("src/test/resources/media/photo.png"), mediaRoot.resolve("loaf.png"));
    }

    @AfterAll
    static void stopMediaHost() {
        mediaHost.stop(0);
    }

    private static String appMediaBase() {
        return "http://127.0.0.1:" + APP_PORT + "/media/";
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String mediaBase() {
        return "http://127.0.0.1:" + mediaHost.getAddress().getPort() + "/photos/";
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        SimulatedCalendar.wire(registry, SCHEMA, sim::simulator);
        registry.add("calendar.publishing.media-root", () -> mediaRoot.toString());
        registry.add("calendar.publishing.verified-url-prefixes", () -> mediaBase() + "," + appMediaBase());
        registry.add("server.port", () -> APP_PORT);
        registry.add("calendar.public-base-url", () -> "http://127.0.0.1:" + APP_PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    BatchJobLauncher launcher;

    @Autowired
    PostHistory history;

    private long workspace;

    @Test
    void aMixedCalendarReachesTheExpectedFinalStatesWithCorrectUrls() {
        workspace = workspace();
        long alice = connect("alice");
        long bob = connect("bob");
        long carol = connect("carol");
        long dave = connect("dave");
        Instant due = Instant.now().minusSeconds(2);

        long publicVideo = post(alice, "VIDEO", "DIRECT", "PUBLIC_TO_EVERYONE", "sourdough at dawn #bread", due, "clip.mp4");
        long privateVideo = post(bob, "VIDEO", "DIRECT", "SELF_ONLY", "behind the scenes", due, "clip.mp4");
        long inboxVideo = post(carol, "VIDEO", "INBOX", null, "draft for carol", due, "clip.mp4");
        long carousel = post(alice, "PHOTO", "DIRECT", "PUBLIC_TO_EVERYONE", "three loaves", due,
                mediaBase() + "a.jpg", mediaBase() + "b.jpg", mediaBase() + "c.jpg");
        long localCarousel = post(bob, "PHOTO", "DIRECT", "SELF_ONLY", "from our own media endpoint", due,
                "loaf.jpg", "loaf.jpg");
        long pngCarousel = post(bob, "PHOTO", "DIRECT", "SELF_ONLY", "png is refused", due, "loaf.jpg", "loaf.png");
        long banned = post(dave, "VIDEO", "DIRECT", "PUBLIC_TO_EVERYONE", "will not go", due, "clip.mp4");
        long tooLong = post(alice, "VIDEO", "DIRECT", "PUBLIC_TO_EVERYONE", "x".repeat(2201), due, "clip.mp4");
        long escaping = post(alice, "VIDEO", "DIRECT", "PUBLIC_TO_EVERYONE", "escape", due, "../../etc/passwd");
        Instant later = Instant.now().plusSeconds(4);
        long ambiguous = post(alice, "VIDEO", "DIRECT", "PUBLIC_TO_EVERYONE", "pulled; the init answered 500 after creating it",
                later, mediaBase() + "clip.mp4");
        long ambiguousUpload = post(bob, "VIDEO", "DIRECT", "SELF_ONLY", "uploaded; the init answered 500 after creating it",
                later.plusSeconds(2), "clip.mp4");

        JobExecution firstRun = launcher.runNow(PublishDuePostsJobConfiguration.JOB_NAME, Instant.now());

        assertThat(firstRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution publishStep = step(firstRun, "publishClaimedPostsStep");
        assertThat(publishStep.getReadCount()).as("9 posts due now, 2 due within prepare-ahead").isEqualTo(11);
        assertThat(publishStep.getWriteCount()).isEqualTo(11);
        assertThat(publishStep.getSkipCount()).isZero();
        assertThat(List.of(state(ambiguous), state(ambiguousUpload))).as("prepared ahead, waiting for their time")
                .containsOnly("CLAIMED");
        assertThat(apiCalls(ambiguousUpload)).as("only the creator's settings were asked before its time")
                .containsExactly("creator_info/query");
        sim.simulator().injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.INIT_500_AFTER_CREATE));
        sim.simulator().injectNext(Endpoint.VIDEO_INIT, Fault.of(FaultKind.INIT_500_AFTER_CREATE));

        Map<Long, String> expected = new java.util.HashMap<>(Map.of(publicVideo, "PUBLISHED", privateVideo, "PUBLISHED_NO_PUBLIC_ID",
                inboxVideo, "IN_INBOX", carousel, "PUBLISHED", banned, "HELD", tooLong, "FAILED", escaping, "FAILED",
                ambiguous, "PUBLISHED", ambiguousUpload, "PUBLISHED_NO_PUBLIC_ID"));
        expected.put(localCarousel, "PUBLISHED_NO_PUBLIC_ID");
        expected.put(pngCarousel, "FAILED");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            launcher.runNow(PublishDuePostsJobConfiguration.JOB_NAME, Instant.now());
            launcher.runNow("reconcileStatusJob", Instant.now());
            Map<Long, String> actual = new java.util.HashMap<>();
            expected.keySet().forEach(id -> actual.put(id, state(id)));
            assertThat(actual).isEqualTo(expected);
        });

        assertThat(state(publicVideo)).isEqualTo("PUBLISHED");
        assertThat(url(publicVideo)).matches("https://www\\.tiktok\\.com/@alice/video/\\d{19}");
        assertThat(state(carousel)).isEqualTo("PUBLISHED");
        assertThat(state(ambiguous)).isEqualTo("PUBLISHED");
        assertThat(url(ambiguous)).contains("@alice/video/");
        assertThat(state(privateVideo)).isEqualTo("PUBLISHED_NO_PUBLIC_ID");
        assertThat(url(privateVideo)).isNull();
        assertThat(state(inboxVideo)).isEqualTo("IN_INBOX");
        assertThat(state(banned)).isEqualTo("HELD");
        assertThat(column(banned, "fail_code")).isEqualTo("spam_risk_user_banned_from_posting");
        assertThat(state(tooLong)).isEqualTo("FAILED");
        assertThat(column(tooLong, "fail_message")).contains("caption: is 2201 UTF-16 units long");
        assertThat(state(escaping)).isEqualTo("FAILED");
        assertThat(column(escaping, "fail_message")).contains("points outside the media root");
        assertThat(apiCalls(tooLong)).as("a post refused by our checks costs only the creator_info query")
                .containsExactly("creator_info/query");
        assertThat(history.of(publicVideo)).as("every call of a post due at once is in its history, in order")
                .extracting(event -> event.kind() + " " + (event.endpoint() != null ? event.endpoint() : event.toState()))
                // then as many status checks as it took the public id to appear
                .startsWith("TRANSITION CLAIMED", "API_CALL creator_info/query", "TRANSITION INIT_IN_FLIGHT",
                        "API_CALL video/init", "TRANSITION UPLOADING", "API_CALL upload", "TRANSITION PROCESSING",
                        "API_CALL status/fetch", "TRANSITION PUBLISHED_NO_PUBLIC_ID")
                .endsWith("API_CALL status/fetch", "TRANSITION PUBLISHED");
        assertThat(sim.simulator().duplicates()).isEmpty();
        assertThat(sim.simulator().posts("alice")).as("one publish per post: the pulled ambiguous one was found, not re-sent")
                .hasSize(3).allMatch(publish -> publish.status().name().equals("PUBLISH_COMPLETE"));
        assertThat(sim.simulator().posts("bob")).as("the ambiguous upload's orphan never went live; its fresh init did")
                .extracting(publish -> publish.status().name())
                .containsExactlyInAnyOrder("PUBLISH_COMPLETE", "PUBLISH_COMPLETE", "PUBLISH_COMPLETE", "PROCESSING_UPLOAD");
        assertThat(column(pngCarousel, "fail_message")).contains("the image format is PNG; TikTok takes JPEG or WebP");
        assertThat(jdbc.sql("SELECT privacy_level_options FROM tiktok_account WHERE id = ?").param(alice).query(String.class).single())
                .as("creator settings remembered from creator_info").contains("PUBLIC_TO_EVERYONE");
        assertThat(history.of(ambiguous)).extracting(PostHistory.PostEvent::toState).contains("UNKNOWN", "PUBLISHED");
        assertThat(apiCalls(ambiguous)).contains("video/list");
        assertThat(history.of(ambiguousUpload)).extracting(PostHistory.PostEvent::toState)
                .containsSubsequence("INIT_IN_FLIGHT", "DEFERRED", "CLAIMED", "INIT_IN_FLIGHT", "UPLOADING");
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM post_attempt a JOIN post p ON p.id = a.post_id
                        WHERE p.workspace_id = ? AND a.init_intent_at < p.publish_at""")
                .param(workspace).query(Long.class).single()).as("inits sent before their post's time").isZero();
    }

    @Test
    void aDeferredPostComingBackBeforeItsAccountHasAnInitSlotWaitsForItsTurnWithoutAnyApiCall() {
        workspace = workspace();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, created_at, updated_at)
                        VALUES (?, ?, 'erin', 'Europe/Berlin', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(workspace, "open-" + UUID.randomUUID()).update(key);
        long erin = key.getKey().longValue();
        long post = post(erin, "VIDEO", "DIRECT", "SELF_ONLY", "back too early", Instant.now().minusSeconds(5), "clip.mp4");
        jdbc.sql("UPDATE post SET state = 'DEFERRED' WHERE id = ?").param(post).update();
        Instant allUsed = Instant.now();
        StringBuilder slots = new StringBuilder();
        for (int slot = 0; slot < 1000; slot++) {
            slots.append(slot == 0 ? "" : ", ").append("(").append(erin).append(", 'INIT', ").append(slot).append(", ")
                    .append(allUsed.toEpochMilli()).append(")");
        }
        jdbc.sql("INSERT INTO tiktok_rate_limit_slot (account_id, bucket, slot, used_at_ms) VALUES " + slots).update();

        launcher.runNow(PublishDuePostsJobConfiguration.JOB_NAME, Instant.now());

        assertThat(state(post)).isEqualTo("DEFERRED");
        assertThat(column(post, "fail_code")).isEqualTo("local_rate_limit");
        Instant turn = jdbc.sql("SELECT next_attempt_at FROM post WHERE id = ?").param(post)
                .query((rs, row) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)).single();
        assertThat(turn).as("the instant its account's oldest init slot is a window (60 s + 1 s margin) old")
                .isEqualTo(allUsed.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(61));
        assertThat(apiCalls(post)).as("not even creator_info: the init could not have gone out").isEmpty();
        assertThat(history.of(post)).extracting(PostHistory.PostEvent::toState).endsWith("CLAIMED", "DEFERRED");
        jdbc.sql("UPDATE post SET next_attempt_at = '2999-01-01' WHERE id = ?").param(post).update();
    }

    @ParameterizedTest(name = "fail_reason {0} -> {1}")
    @CsvSource({
            "file_format_check_failed, FAILED",
            "duration_check_failed, FAILED",
            "frame_rate_check_failed, FAILED",
            "picture_size_check_failed, FAILED",
            "internal, DEFERRED",
            "video_pull_failed, DEFERRED",
            "publish_cancelled, FAILED",
            "spam_risk_too_many_posts, DEFERRED",
            "spam_risk_user_banned_from_posting, FAILED",
            "spam_risk_text, FAILED",
            "spam_risk, FAILED"})
    void eachFailReasonLeadsToItsDocumentedOutcome(String failReason, String expectedState) {
        workspace = workspace();
        long carol = jdbc.sql("SELECT id FROM tiktok_account WHERE username = 'carol'").query(Long.class).optional()
                .orElseGet(() -> connect("carol"));
        long post = post(carol, "VIDEO", "DIRECT", "SELF_ONLY", "fails with " + failReason, Instant.now().minusSeconds(1), "clip.mp4");
        sim.simulator().injectNext(Endpoint.VIDEO_INIT, Fault.failPublish(failReason));

        launcher.runNow(PublishDuePostsJobConfiguration.JOB_NAME, Instant.now());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            launcher.runNow("reconcileStatusJob", Instant.now());
            assertThat(state(post)).isEqualTo(expectedState);
        });

        assertThat(column(post, "fail_code")).isEqualTo(failReason);
        assertThat(column(post, "user_action")).isNotBlank();
        assertThat(sim.simulator().posts("carol")).filteredOn(p -> ("fails with " + failReason).equals(p.caption())).hasSize(1);
        // a deferred post would take the next case's injected fault when it is sent again
        jdbc.sql("UPDATE post SET next_attempt_at = '2999-01-01' WHERE id = ?").param(post).update();
    }

    @ParameterizedTest(name = "init error {0} (HTTP {1}) -> {3}")
    @CsvSource({
            // code,                                              HTTP, endpoint,     post state,             account,      deferred ≥
            "invalid_param,                                        400, VIDEO_INIT,   FAILED,                 ACTIVE,       ",
            "invalid_params,                                       400, VIDEO_INIT,   FAILED,                 ACTIVE,       ",
            "privacy_level_option_mismatch,                        403, VIDEO_INIT,   FAILED,                 ACTIVE,       ",
            "url_ownership_unverified,                             403, CONTENT_INIT, FAILED,                 ACTIVE,       ",
            "app_version_check_failed,                             400, CONTENT_INIT, HELD,                   CANNOT_POST,  ",
            "spam_risk_user_banned_from_posting,                   403, VIDEO_INIT,   HELD,                   CANNOT_POST,  ",
            "unaudited_client_can_only_post_to_private_accounts,   403, VIDEO_INIT,   HELD,                   CANNOT_POST,  ",
            "scope_not_authorized,                                 401, VIDEO_INIT,   HELD,                   NEEDS_REAUTH, ",
            "spam_risk_too_many_posts,                             403, VIDEO_INIT,   DEFERRED,               ACTIVE,       PT23H",
            "reached_active_user_cap,                              403, VIDEO_INIT,   DEFERRED,               ACTIVE,       PT23H",
            "spam_risk_too_many_pending_share,                     403, CONTENT_INIT, DEFERRED,               ACTIVE,       PT50M",
            // nothing was created (or a created FILE_UPLOAD publish waits for chunks nobody sends): a fresh init follows
            "internal_error,                                       500, VIDEO_INIT,   DEFERRED,               ACTIVE,       PT0S",
            // the client refreshes the token and replays the init once, as the contract says
            "access_token_invalid,                                 401, VIDEO_INIT,   PUBLISHED_NO_PUBLIC_ID, ACTIVE,       ",
            // last: after a 429 the client holds back this creator's inits for the rest of the window
            "rate_limit_exceeded,                                  429, VIDEO_INIT,   DEFERRED,               ACTIVE,       PT50S"})
    void eachInitErrorLeadsToItsDocumentedOutcome(String code, int httpStatus, Endpoint endpoint, String expectedState,
                                                 String expectedAccountStatus, Duration deferredAtLeast) {
        workspace = workspace();
        long carol = jdbc.sql("SELECT id FROM tiktok_account WHERE username = 'carol'").query(Long.class).optional()
                .orElseGet(() -> connect("carol"));
        jdbc.sql("UPDATE tiktok_account SET status = 'ACTIVE', status_reason = NULL WHERE id = ?").param(carol).update();
        String caption = "init refused with " + code;
        long post = endpoint == Endpoint.CONTENT_INIT
                ? post(carol, "PHOTO", "INBOX", null, caption, Instant.now().minusSeconds(1), "loaf.jpg")
                : post(carol, "VIDEO", "DIRECT", "SELF_ONLY", caption, Instant.now().minusSeconds(1), "clip.mp4");
        sim.simulator().injectNext(endpoint, Fault.error(httpStatus, code));

        Instant sent = Instant.now();
        launcher.runNow(PublishDuePostsJobConfiguration.JOB_NAME, Instant.now());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            launcher.runNow("reconcileStatusJob", Instant.now());
            assertThat(state(post)).isEqualTo(expectedState);
        });

        assertThat(jdbc.sql("SELECT status FROM tiktok_account WHERE id = ?").param(carol).query(String.class).single())
                .isEqualTo(expectedAccountStatus);
        if (!expectedState.startsWith("PUBLISHED")) {
            assertThat(column(post, "fail_code")).isEqualTo(code);
            assertThat(column(post, "user_action")).isNotBlank();
        }
        if (deferredAtLeast != null) {
            Instant next = jdbc.sql("SELECT next_attempt_at FROM post WHERE id = ?").param(post)
                    .query((rs, row) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)).single();
            assertThat(next).as("deferred until").isAfterOrEqualTo(sent.plus(deferredAtLeast).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        if (expectedState.startsWith("PUBLISHED")) {
            assertThat(sim.simulator().requestLog()).as("the token was refreshed, then the init replayed")
                    .anyMatch(request -> request.endpoint() == Endpoint.OAUTH_TOKEN && request.httpStatus() == 200
                            && request.at().isAfter(sent));
        } else {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM post_event WHERE post_id = ? AND kind = 'API_CALL' AND tiktok_code = ?")
                    .params(post, code).query(Integer.class).single()).as("the refused call is in the post's history").isEqualTo(1);
        }
        // a deferred post would take the next case's injected fault when it is sent again
        jdbc.sql("UPDATE post SET next_attempt_at = '2999-01-01' WHERE id = ?").param(post).update();
    }

    private String state(long postId) {
        return column(postId, "state");
    }

    private String url(long postId) {
        return column(postId, "tiktok_url");
    }

    private String column(long postId, String column) {
        return jdbc.sql("SELECT " + column + " FROM post WHERE id = ?").param(postId).query(String.class).optional().orElse(null);
    }

    private List<String> apiCalls(long postId) {
        return history.of(postId).stream().filter(event -> "API_CALL".equals(event.kind()))
                .map(PostHistory.PostEvent::endpoint).toList();
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private long workspace() {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, 'E2E', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")
                .param("e2e-" + UUID.randomUUID()).update(key);
        return key.getKey().longValue();
    }

    private long connect(String username) {
        IssuedTokens issued = sim.simulator().issueTokens(username);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, created_at, updated_at)
                        VALUES (?, ?, ?, 'Europe/Berlin', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(workspace, issued.openId(), username).update(key);
        long accountId = key.getKey().longValue();
        Instant now = Instant.now();
        tokenStore.save(accountId, new TokenGrant(issued.openId(), Secret.of(issued.accessToken()),
                now.plusSeconds(issued.expiresIn()), Secret.of(issued.refreshToken()),
                now.plusSeconds(issued.refreshExpiresIn()), issued.scope()), now);
        return accountId;
    }

    private long post(long account, String type, String mode, String privacy, String caption, Instant due, String... media) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        LocalDateTime dueUtc = LocalDateTime.ofInstant(due, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO post (workspace_id, account_id, external_key, post_type, post_mode, state,
                                          state_changed_at, publish_at, publish_zone, next_attempt_at, caption, title,
                                          privacy_level, allow_comment, allow_duet, allow_stitch, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'SCHEDULED', UTC_TIMESTAMP(3), ?, 'Europe/Berlin', ?, ?, ?, ?,
                                TRUE, TRUE, TRUE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(workspace, account, UUID.randomUUID().toString(), type, mode, dueUtc, dueUtc, caption,
                        "PHOTO".equals(type) ? "Loaves" : null, privacy)
                .update(key);
        long postId = key.getKey().longValue();
        for (int i = 0; i < media.length; i++) {
            jdbc.sql("INSERT INTO post_media (post_id, position, source) VALUES (?, ?, ?)").params(postId, i, media[i]).update();
        }
        return postId;
    }
}
