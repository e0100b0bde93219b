package dev.tiktokcalendar.simulator.webhook;

import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.WebhookSettings;
import dev.tiktokcalendar.simulator.world.WorldApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * Delivers signed webhook events to the app's callback URL: envelope {@code client_key, event, create_time,
 * user_openid, content} with {@code content} a JSON string; non-2xx or no answer is retried with doubling,
 * time-scaled delays up to {@code maxAttempts}; with {@code duplicateDelivery} every event goes out twice.
 * Due deliveries are sent by {@link #deliverDue()}, called from the simulator's tick.
 */
public final class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private record Pending(String event, String body, int attempt, Instant dueAt) {
    }

    private final WorldApp app;
    private final WebhookSettings settings;
    private final SimClock clock;
    private final ExecutorService senders;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

    public WebhookSender(WorldApp app, WebhookSettings settings, SimClock clock, ExecutorService senders) {
        this.app = app;
        this.settings = settings;
        this.clock = clock;
        this.senders = senders;
    }

    public void send(String event, String userOpenId, Map<String, Object> content) {
        if (app.webhookUrl() == null || app.webhookUrl().isBlank()) {
            return;
        }
        ObjectNode envelope = Json.object();
        envelope.put("client_key", app.clientKey());
        envelope.put("event", event);
        envelope.put("create_time", clock.now().getEpochSecond());
        envelope.put("user_openid", userOpenId);
        envelope.put("content", Json.text(content));
        String body = Json.text(envelope);
        Instant now = clock.now();
        pending.add(new Pending(event, body, 1, now));
        if (settings.duplicateDelivery()) {
            pending.add(new Pending(event, body, 1, now));
        }
    }

    public void deliverDue() {
        Instant now = clock.now();
        List<Pending> due = new ArrayList<>();
        pending.removeIf(p -> !p.dueAt().isAfter(now) && due.add(p));
        for (Pending delivery : due) {
            senders.execute(() -> attempt(delivery));
        }
    }

    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void attempt(Pending delivery) {
        long timestamp = clock.now().getEpochSecond();
        int status = 0;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.webhookUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("TikTok-Signature", WebhookSignature.header(app.clientSecret(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("simulator: webhook {} not delivered: {}", delivery.event(), e.toString());
        }
        deliveries.add(new WebhookDelivery(delivery.event(), delivery.body(), delivery.attempt(), status, clock.now()));
        if ((status < 200 || status > 299) && delivery.attempt() < settings.maxAttempts()) {
            Duration backoff = settings.firstRetryDelay().multipliedBy(1L << Math.min(20, delivery.attempt() - 1));
            pending.add(new Pending(delivery.event(), delivery.body(), delivery.attempt() + 1, clock.after(backoff)));
        }
    }
}
