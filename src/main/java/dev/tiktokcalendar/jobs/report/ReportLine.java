package dev.tiktokcalendar.jobs.report;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A post as the report shows it.
 *
 * @param scheduledLocal   the publish time in the account's zone
 * @param wentOutAt        when TikTok completed the post (else when the init was sent); null if it did not go out
 * @param latenessSeconds  wentOutAt - publish time, for published posts only
 * @param url              the public TikTok URL (tiktok-api.md §8.1), null without a public id
 * @param action           what the operator does about it; null when nothing is to be done
 */
public record ReportLine(ReportPost post, ReportBucket bucket, ZonedDateTime scheduledLocal, Instant wentOutAt,
                         Long latenessSeconds, String url, String action) {
}
