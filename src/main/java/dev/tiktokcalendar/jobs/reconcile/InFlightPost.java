package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.calendar.PostAttempts;
import dev.tiktokcalendar.calendar.PostState;

import java.time.Instant;

/**
 * A post reconciliation follows: sent (or possibly sent) to TikTok, its final state not known yet.
 *
 * @param intentAt    when the intent of the latest init was committed (the video/list search window starts there)
 * @param mediaSource how the latest attempt's media reach TikTok (null for attempts older than that record)
 */
public record InFlightPost(long id, long accountId, String username, PostState state, String mode, String privacyLevel,
                           String caption, String publishId, int attempt, int consumedAttempts, int statusChecks,
                           Instant initSentAt, Instant intentAt, Instant completedAt,
                           PostAttempts.MediaSource mediaSource) {

    /** Only the node that made a FILE_UPLOAD publish can send its chunks: without them it never goes live. */
    public boolean isUploadedByUs() {
        return mediaSource == PostAttempts.MediaSource.FILE_UPLOAD;
    }

    public boolean isPublicDirectPost() {
        return "DIRECT".equals(mode) && "PUBLIC_TO_EVERYONE".equals(privacyLevel);
    }
}
