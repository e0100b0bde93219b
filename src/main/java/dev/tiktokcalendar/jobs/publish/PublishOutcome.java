package dev.tiktokcalendar.jobs.publish;

/** Where one pass of the publisher left a post. */
public enum PublishOutcome {
    /** TikTok accepted the init; reconciliation follows it from here (once its upload, if any, has ended). */
    SENT,
    /** Not now (rate limit, daily cap, pending drafts, a transient failure); it goes at its next attempt time. */
    DEFERRED,
    /** Its account needs attention; it goes once the account is fixed. */
    HELD,
    /** It will not go as it is; the post says why and what to do. */
    FAILED,
    /** The init may have landed; reconciliation decides. */
    UNKNOWN,
    /** Checked and handed to the {@link InitDispatcher}, which sends its init at its due instant and counts it then. */
    PREPARED,
    /** Another node moved the post first, or this node's claim ran out; nothing was done. */
    SKIPPED
}
