package dev.tiktokcalendar.web.webhook;

import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.api.TikTokJson;
import dev.tiktokcalendar.web.security.SecurityConfiguration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code POST /webhooks/tiktok}: verifies {@code TikTok-Signature} over the raw body, stores the event once and
 * answers 200 at once; the event is applied right after, on a worker thread ({@link WebhookApplier}). A forged,
 * stale or unsigned delivery gets 401 and is not stored; an unreadable body 400. Events stored but not applied
 * (a node stopped in between) are applied at the next start.
 */
@RestController
@ConditionalOnWebApplication
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSignatureVerifier verifier;
    private final WebhookEvents events;
    private final WebhookApplier applier;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tiktok-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookController(TikTokProperties settings, WebhookEvents events, WebhookApplier applier, Clock clock) {
        this.verifier = new WebhookSignatureVerifier(settings.clientSecret(), clock);
        this.events = events;
        this.applier = applier;
        this.clock = clock;
    }

    @PostMapping(SecurityConfiguration.WEBHOOK_PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = "TikTok-Signature", required = false) String signature,
                                 @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        WebhookSignatureVerifier.Verdict verdict = verifier.verify(signature, raw);
        if (verdict != WebhookSignatureVerifier.Verdict.VALID) {
            log.warn("Webhook refused: {}", verdict);
            return ResponseEntity.status(401).build();
        }
        JsonNode envelope;
        try {
            envelope = TikTokJson.MAPPER.readTree(raw);
        } catch (RuntimeException notJson) {
            return ResponseEntity.badRequest().build();
        }
        if (envelope == null || !envelope.path("event").isString()) {
            return ResponseEntity.badRequest().build();
        }
        JsonNode content = envelope.path("content");
        boolean isNew = events.store(envelope.path("event").asString(), TikTokJson.text(envelope, "user_openid"),
                envelope.path("create_time").isNumber() ? envelope.path("create_time").asLong() : null,
                content.isString() ? content.asString() : content.isMissingNode() ? null : content.toString(),
                clock.instant());
        if (isNew) {
            worker.execute(applier::applyPending);
        } else {
            log.info("Webhook {}: repeated delivery, already stored", envelope.path("event").asString());
        }
        return ResponseEntity.ok().build();
    }

    /** Events a node stored but did not apply before it stopped are applied when a node starts. */
    @EventListener(ApplicationReadyEvent.class)
    void applyLeftovers() {
        worker.execute(applier::applyPending);
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
