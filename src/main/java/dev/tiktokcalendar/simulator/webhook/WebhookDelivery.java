package dev.tiktokcalendar.simulator.webhook;

import java.time.Instant;

/** One delivery attempt of a webhook event, for inspection: the body sent and the receiver's HTTP status (0 = no answer). */
public record WebhookDelivery(String event, String body, int attempt, int httpStatus, Instant at) {
}
