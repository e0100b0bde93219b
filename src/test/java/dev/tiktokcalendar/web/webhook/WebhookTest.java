package dev.tiktokcalendar.web.webhook;

import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.simulator.webhook.WebhookSignature;
import dev.tiktokcalendar.web.WebAppTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /webhooks/tiktok} over real HTTP: signature, staleness, once-only storage, post and account moves. */
class WebhookTest extends WebAppTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void publiclyAvailablePublishesTheProcessingPostWithItsUrlAndARepeatedDeliveryIsAppliedOnce() throws Exception {
        Post post = processingPost("c14");
        String body = envelope("post.publish.publicly_available", post.openId,
                "{\"publish_id\":\"" + post.publishId + "\",\"publish_type\":\"DIRECT_PUBLISH\",\"post_id\":\"7602997517160123666\"}");

        assertThat(send(body, signed(body, now())).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PUBLISHED".equals(fixtures().stateOf(post.id)));
        assertThat(send(body, signed(body, now())).statusCode()).as("repeated delivery answered 200").isEqualTo(200);

        assertThat(jdbc.sql("SELECT tiktok_url FROM post WHERE id = ?").param(post.id).query(String.class).single())
                .isEqualTo("https://www.tiktok.com/@c14/video/7602997517160123666");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_event WHERE content LIKE ?").param("%" + post.publishId + "%")
                .query(Long.class).single()).as("stored once").isEqualTo(1);
        Thread.sleep(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post_event WHERE post_id = ? AND to_state = 'PUBLISHED'").param(post.id)
                .query(Long.class).single()).as("applied once").isEqualTo(1);
    }

    @Test
    void forgedStaleAndUnsignedDeliveriesAreRefusedAndNotStored() {
        Post post = processingPost("c15");
        String body = envelope("post.publish.publicly_available", post.openId,
                "{\"publish_id\":\"" + post.publishId + "\",\"post_id\":\"1\"}");
        String forged = WebhookSignature.header("not-the-client-secret", now(), body);
        String stale = signed(body, now() - Duration.ofMinutes(6).toSeconds());
        String tamperedBody = body.replace(post.publishId, post.publishId + "0");

        assertThat(send(body, forged).statusCode()).isEqualTo(401);
        assertThat(send(body, stale).statusCode()).isEqualTo(401);
        assertThat(send(body, null).statusCode()).isEqualTo(401);
        assertThat(send(tamperedBody, signed(body, now())).statusCode()).isEqualTo(401);
        assertThat(send(body, "t=" + now() + ",s=" + "0".repeat(64)).statusCode()).isEqualTo(401);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_event WHERE content LIKE ?").param("%" + post.publishId + "%")
                .query(Long.class).single()).isZero();
        assertThat(fixtures().stateOf(post.id)).isEqualTo("PROCESSING");
    }

    @Test
    void aFailedPublishFailsThePostOrDefersItForANewAttemptWhileAttemptsRemain() {
        Post invalid = processingPost("c16");
        Post internal = processingPost("c16");
        Post exhausted = processingPost("c16");
        for (int attempt = 1; attempt <= 3; attempt++) {
            jdbc.sql("INSERT INTO post_attempt (post_id, attempt_no, init_intent_at, outcome) VALUES (?, ?, UTC_TIMESTAMP(3), 'ACCEPTED')")
                    .params(exhausted.id, attempt).update();
        }
        for (Post post : new Post[] {invalid, internal, exhausted}) {
            String reason = post == invalid ? "file_format_check_failed" : "internal";
            String body = envelope("post.publish.failed", post.openId,
                    "{\"publish_id\":\"" + post.publishId + "\",\"reason\":\"" + reason + "\",\"publish_type\":\"DIRECT_PUBLISH\"}");
            assertThat(send(body, signed(body, now())).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(fixtures().stateOf(invalid.id))
                && "DEFERRED".equals(fixtures().stateOf(internal.id)) && "FAILED".equals(fixtures().stateOf(exhausted.id)));
        assertThat(jdbc.sql("SELECT fail_code FROM post WHERE id = ?").param(exhausted.id).query(String.class).single())
                .as("attempts used up, as the reconciliation job decides").isEqualTo("internal");
        assertThat(jdbc.sql("SELECT fail_code FROM post WHERE id = ?").param(invalid.id).query(String.class).single())
                .isEqualTo("file_format_check_failed");
        assertThat(jdbc.sql("SELECT user_action FROM post WHERE id = ?").param(invalid.id).query(String.class).single())
                .contains("Re-encode");
    }

    @Test
    void authorizationRemovedHoldsTheAccountAndItsFuturePosts() {
        Accounts.Workspace ws = newWorkspace();
        long account = connect(ws, "c17");
        long scheduled = fixtures().post(ws.id(), account, "SCHEDULED", Instant.now().plus(Duration.ofDays(1)));
        String openId = accounts.byId(account).orElseThrow().openId();
        String body = envelope("authorization.removed", openId, "{\"reason\":1}");

        assertThat(send(body, signed(body, now())).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> "HELD".equals(fixtures().stateOf(scheduled)));
        assertThat(accounts.byId(account).orElseThrow().status()).isEqualTo("NEEDS_REAUTH");
        assertThat(accounts.byId(account).orElseThrow().statusReason()).contains("authorization removed");
    }

    private record Post(long id, String publishId, String openId) {
    }

    private Post processingPost(String creator) {
        Accounts.Workspace ws = newWorkspace();
        long account = accounts.byOpenId(SIM.world().creator(creator).orElseThrow().openId())
                .map(a -> a.id()).orElseGet(() -> connect(newWorkspace(), creator));
        long workspace = accounts.byId(account).orElseThrow().workspaceId();
        long post = fixtures().post(workspace, account, "PROCESSING", Instant.now());
        String publishId = "v_pub_file~v2-1." + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("UPDATE post SET publish_id = ? WHERE id = ?").params(publishId, post).update();
        return new Post(post, publishId, SIM.world().creator(creator).orElseThrow().openId());
    }

    private static String envelope(String event, String openId, String content) {
        return "{\"client_key\":\"" + SIM.world().app().clientKey() + "\",\"event\":\"" + event + "\",\"create_time\":"
                + now() + ",\"user_openid\":\"" + openId + "\",\"content\":" + quote(content) + "}";
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String signed(String body, long timestamp) {
        return WebhookSignature.header(SIM.world().app().clientSecret(), timestamp, body);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private HttpResponse<String> send(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/webhooks/tiktok"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("TikTok-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
