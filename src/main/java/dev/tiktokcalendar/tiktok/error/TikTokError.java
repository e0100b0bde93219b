package dev.tiktokcalendar.tiktok.error;

import java.time.Instant;

/**
 * One failed TikTok call, classified: what to do ({@link #errorClass()}), when to try again for
 * {@link ErrorClass#DEFER}, TikTok's own {@code code}, {@code message} and {@code log_id}, the HTTP status
 * (only a hint: TikTok sends some errors with 200; 0 when no answer came), the {@code publish_id} when an
 * init of unknown outcome returned one, and a one-line action a user can follow. Never holds a secret.
 *
 * @param code      TikTok's {@code error.code}, OAuth {@code error}, {@code fail_reason}, or a client code
 *                  ({@code transport_error}, {@code local_rate_limit}, {@code upload_url_expired}, …)
 * @param endpoint  the API path called (no query string)
 */
public record TikTokError(ErrorClass errorClass, String code, String message, String logId, int httpStatus,
                          String endpoint, Instant retryAt, String publishId, String userAction) {

    public TikTokError withPublishId(String id) {
        return new TikTokError(errorClass, code, message, logId, httpStatus, endpoint, retryAt, id, userAction);
    }

    public TikTokError withClass(ErrorClass newClass, String action) {
        return new TikTokError(newClass, code, message, logId, httpStatus, endpoint, retryAt, publishId, action);
    }

    /** One line for logs and post history: class, code, HTTP status, endpoint, log id, message. */
    public String summary() {
        return errorClass + " " + code + " (HTTP " + httpStatus + " " + endpoint + ", log_id " + logId + "): "
                + message + (retryAt == null ? "" : " — retry at " + retryAt);
    }
}
