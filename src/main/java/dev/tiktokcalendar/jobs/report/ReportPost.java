package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.calendar.PostState;

import java.time.Instant;

/** A post of the reported day as read from the calendar, with the account it goes to and its status calls. */
public record ReportPost(long id, long workspaceId, String workspaceSlug, long accountId, String username,
                         String accountZone, String accountStatus, String externalKey, String postType,
                         String postMode, PostState state, String stateReason, Instant publishAt, String caption,
                         String tiktokPostId, String tiktokUrl, String failCode, String failMessage, String failLogId,
                         String userAction, Instant initSentAt, Instant completedAt, int statusCalls) {
}
