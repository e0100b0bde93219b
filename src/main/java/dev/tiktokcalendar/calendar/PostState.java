package dev.tiktokcalendar.calendar;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The publishing states of a post and the transitions allowed between them. {@code next_attempt_at} of a
 * post in a {@link #isPending() pending} state is when the pipeline must look at it again: the due time of a
 * scheduled or deferred post, the expiry of a claim, the next status check of a post in flight.
 */
public enum PostState {
    /** Waiting for its publish time. */
    SCHEDULED,
    /** Taken by one node for publishing; the claim expires at {@code next_attempt_at}. */
    CLAIMED,
    /** The intent to init is committed; the init call may be on the wire. A crash here means UNKNOWN. */
    INIT_IN_FLIGHT,
    /** Init accepted (publish_id known); media chunks are being uploaded. */
    UPLOADING,
    /** TikTok is processing; status/fetch decides what comes next. */
    PROCESSING,
    /** Live, with its public URL. */
    PUBLISHED,
    /** Completed without a public id: a private audience, or moderation still pending. */
    PUBLISHED_NO_PUBLIC_ID,
    /** A draft delivered to the creator's TikTok inbox. */
    IN_INBOX,
    /** Could not go now (rate limit, daily cap, pending drafts); goes at {@code next_attempt_at}. */
    DEFERRED,
    /** The account needs attention (re-authorisation, banned); goes once it is fixed. */
    HELD,
    /** An init that may have landed; only reconciliation may decide, never a blind retry. */
    UNKNOWN,
    /** Will not go: TikTok's code or fail_reason, its message, and the action for the user. */
    FAILED,
    /** Withdrawn by a user. */
    CANCELLED;

    private static final Map<PostState, Set<PostState>> ALLOWED = Map.ofEntries(
            Map.entry(SCHEDULED, EnumSet.of(CLAIMED, HELD, FAILED, CANCELLED)),
            Map.entry(CLAIMED, EnumSet.of(SCHEDULED, INIT_IN_FLIGHT, DEFERRED, HELD, FAILED, CANCELLED)),
            Map.entry(INIT_IN_FLIGHT, EnumSet.of(UPLOADING, PROCESSING, DEFERRED, HELD, UNKNOWN, FAILED)),
            Map.entry(UPLOADING, EnumSet.of(PROCESSING, PUBLISHED, PUBLISHED_NO_PUBLIC_ID, IN_INBOX, UNKNOWN, FAILED,
                    DEFERRED, HELD)),
            Map.entry(PROCESSING, EnumSet.of(PROCESSING, PUBLISHED, PUBLISHED_NO_PUBLIC_ID, IN_INBOX, DEFERRED, HELD,
                    UNKNOWN, FAILED, CANCELLED)),
            Map.entry(PUBLISHED_NO_PUBLIC_ID, EnumSet.of(PUBLISHED, PUBLISHED_NO_PUBLIC_ID)),
            Map.entry(IN_INBOX, EnumSet.of(PUBLISHED, PUBLISHED_NO_PUBLIC_ID)),
            Map.entry(DEFERRED, EnumSet.of(CLAIMED, HELD, FAILED, CANCELLED)),
            Map.entry(HELD, EnumSet.of(SCHEDULED, FAILED, CANCELLED)),
            Map.entry(UNKNOWN, EnumSet.of(UNKNOWN, PROCESSING, PUBLISHED, PUBLISHED_NO_PUBLIC_ID, IN_INBOX, SCHEDULED,
                    HELD, FAILED, CANCELLED)),
            Map.entry(PUBLISHED, EnumSet.noneOf(PostState.class)),
            Map.entry(FAILED, EnumSet.of(SCHEDULED)),
            Map.entry(CANCELLED, EnumSet.noneOf(PostState.class)));

    public boolean canMoveTo(PostState target) {
        return ALLOWED.get(this).contains(target);
    }

    /**
     * No further work is planned by the pipeline (a user may still reschedule a failed post).
     * {@link #PUBLISHED_NO_PUBLIC_ID} is not final: reconciliation keeps looking, more slowly, for the public id.
     */
    public boolean isFinal() {
        return this == PUBLISHED || this == IN_INBOX || this == FAILED || this == CANCELLED;
    }

    /** States the publishing pipeline picks up when {@code next_attempt_at} has come. */
    public static final Set<PostState> DUE_FOR_PUBLISHING = EnumSet.of(SCHEDULED, DEFERRED, CLAIMED, INIT_IN_FLIGHT);

    /** States the status reconciliation picks up when {@code next_attempt_at} has come. */
    public static final Set<PostState> DUE_FOR_RECONCILIATION = EnumSet.of(UPLOADING, PROCESSING, UNKNOWN,
            PUBLISHED_NO_PUBLIC_ID);

    public boolean isPending() {
        return DUE_FOR_PUBLISHING.contains(this) || DUE_FOR_RECONCILIATION.contains(this);
    }
}
