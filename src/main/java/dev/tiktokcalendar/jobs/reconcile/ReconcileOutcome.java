package dev.tiktokcalendar.jobs.reconcile;

/** Where one reconciliation pass left a post. */
public enum ReconcileOutcome {
    PUBLISHED, PUBLISHED_NO_PUBLIC_ID, IN_INBOX, STILL_PROCESSING, RETRYING, HELD, FAILED, UNKNOWN, NOT_FOUND_RESCHEDULED,
    WAITS_FOR_OPERATOR, SKIPPED
}
