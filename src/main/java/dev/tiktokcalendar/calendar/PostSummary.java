package dev.tiktokcalendar.calendar;

import java.time.Instant;

/** A post as an operator reads it: where it goes, when, and where it stands. */
public record PostSummary(long id, String workspace, String account, String type, String mode, PostState state,
                          String stateReason, Instant publishAt, String publishZone, Instant nextAttemptAt, int attempt,
                          String publishId, String tiktokUrl, String failCode, String failMessage, String failLogId,
                          String userAction) {
}
