package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.WebhookSettings;
import dev.tiktokcalendar.simulator.world.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed webhook deliveries (contract §11): the signature verifies with the documented recipe; retries; duplicates. */
class WebhookTest {

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final MutableClock clock = MutableClock.atFixedStart();
    private TikTokSimulator sim;
    private SimulatorApi api;

    private void start(SimulatorSettings settings) {
        World world = TestWorlds.standard(settings);
        sim = TestWorlds.start(world.withApp(world.app().withWebhookUrl(receiver.url())), clock);
        api = new SimulatorApi(sim);
    }

    @AfterEach
    void close() {
        sim.close();
        receiver.close();
    }

    /** The documented recipe, written independently of the simulator's code. */
    private boolean verifies(String header, String body, String clientSecret) throws Exception {
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((parts.get("t") + "." + body).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts.get("s").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void publiclyAvailableEventIsSignedAndCarriesContentAsAJsonString() throws Exception {
        start(TestWorlds.defaultSettings().build());
        String publishId = api.publishDirect(api.token(PUBLIC), "PUBLIC_TO_EVERYONE", "hello", TestMedia.mp4(10, 30, 1080, 1920));

        clock.advance(Duration.ofSeconds(30));
        sim.tick();

        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.received().isEmpty());
        WebhookReceiver.Received delivery = receiver.received().get(0);
        assertThat(delivery.signature()).matches("t=\\d+,s=[0-9a-f]{64}");
        assertThat(verifies(delivery.signature(), delivery.body(), sim.world().app().clientSecret())).isTrue();
        assertThat(verifies(delivery.signature(), delivery.body() + " ", sim.world().app().clientSecret())).isFalse();
        JsonNode envelope = SimulatorApi.JSON.readTree(delivery.body());
        assertThat(envelope.path("client_key").asString()).isEqualTo(sim.world().app().clientKey());
        assertThat(envelope.path("event").asString()).isEqualTo("post.publish.publicly_available");
        assertThat(envelope.path("create_time").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(envelope.path("user_openid").asString()).isEqualTo(sim.world().creator(PUBLIC).orElseThrow().openId());
        assertThat(envelope.path("content").isString()).isTrue();
        JsonNode content = SimulatorApi.JSON.readTree(envelope.path("content").asString());
        assertThat(content.path("publish_id").asString()).isEqualTo(publishId);
        assertThat(content.path("post_id").isString()).isTrue();
        assertThat(content.path("post_id").asString()).isEqualTo(Long.toString(sim.posts(PUBLIC).get(0).publicPostIds().get(0)));
        assertThat(content.path("publish_type").asString()).isEqualTo("DIRECT_PUBLISH");
    }

    @Test
    void theTickAloneMovesAPublishThroughEachTimedStepWhenItIsDueAndNotBefore() {
        start(TestWorlds.defaultSettings().build());
        api.publishDirect(api.token(PUBLIC), "PUBLIC_TO_EVERYONE", "by the tick", TestMedia.mp4(10, 30, 1080, 1920));

        clock.advance(Duration.ofMillis(2_999));
        sim.tick();
        assertThat(sim.posts(PUBLIC).get(0).status().name()).as("processing takes 3 s").isEqualTo("PROCESSING_UPLOAD");
        clock.advance(Duration.ofMillis(1));
        sim.tick();
        assertThat(sim.posts(PUBLIC).get(0).status().name()).isEqualTo("PUBLISH_COMPLETE");
        assertThat(sim.posts(PUBLIC).get(0).publicPostIds()).as("moderation takes 20 s more").isEmpty();
        clock.advance(Duration.ofMillis(19_999));
        sim.tick();
        assertThat(sim.posts(PUBLIC).get(0).publicPostIds()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        sim.tick();
        assertThat(sim.posts(PUBLIC).get(0).publicPostIds()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.received().isEmpty());
        assertThat(receiver.received().get(0).body()).contains("post.publish.publicly_available");
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoff() {
        start(TestWorlds.defaultSettings().webhooks(new WebhookSettings(3, Duration.ofSeconds(5), false)).build());
        receiver.failFirst(2);
        api.publishDirect(api.token(PUBLIC), "SELF_ONLY", "bad", TestMedia.garbage(2000));
        clock.advance(Duration.ofSeconds(3));
        sim.tick();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);

        clock.advance(Duration.ofSeconds(5));
        sim.tick();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        clock.advance(Duration.ofSeconds(9));
        sim.tick();
        assertThat(receiver.received()).as("second retry waits 10 s").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        sim.tick();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 3);

        List<String> bodies = receiver.received().stream().map(WebhookReceiver.Received::body).distinct().toList();
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).contains("post.publish.failed", "file_format_check_failed");
        assertThat(sim.webhookDeliveries()).extracting(d -> d.httpStatus()).containsExactly(500, 500, 200);
    }

    @Test
    void duplicateDeliveryAndRevokeEvent() {
        start(TestWorlds.defaultSettings().webhooks(new WebhookSettings(null, null, true)).build());
        var tokens = sim.issueTokens(PUBLIC);

        api.postForm("/v2/oauth/revoke/", api.clientForm("token", tokens.accessToken()));
        sim.tick();

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        JsonNode envelope = SimulatorApi.JSON.readTree(receiver.received().get(0).body());
        assertThat(envelope.path("event").asString()).isEqualTo("authorization.removed");
        assertThat(SimulatorApi.JSON.readTree(envelope.path("content").asString()).path("reason").asInt()).isEqualTo(5);
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
    }
}
