package dev.tiktokcalendar.simulator.world;

import java.time.Duration;

/**
 * Webhook delivery: attempts per event (the first one included), the delay before the first retry (doubled
 * for each further retry), and whether each event is delivered twice, as at-least-once delivery allows.
 */
public record WebhookSettings(Integer maxAttempts, Duration firstRetryDelay, Boolean duplicateDelivery) {

    public WebhookSettings {
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(5) : firstRetryDelay;
        duplicateDelivery = duplicateDelivery != null && duplicateDelivery;
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(null, null, null);
    }
}
