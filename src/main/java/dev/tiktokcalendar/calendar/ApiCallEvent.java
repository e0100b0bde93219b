package dev.tiktokcalendar.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * One TikTok API call made for a post, as recorded in its history.
 *
 * @param httpStatus  0 when no HTTP answer came (connection reset, timeout)
 * @param tiktokCode  {@code error.code} of the answer ({@code ok} on success), null without an answer
 */
public record ApiCallEvent(long postId, long accountId, Integer attemptNo, String endpoint, int httpStatus,
                           String tiktokCode, String logId, Duration duration, Instant occurredAt) {
}
