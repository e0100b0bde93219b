package dev.tiktokcalendar.tiktok.error;

/** How safe a call is to repeat, which decides what a 5xx, a timeout or an unknown code means. */
public enum CallKind {
    /** Reads (user info, creator info, status, video list/query) and cancel: repeating changes nothing. */
    SAFE,
    /** The three inits: no idempotency key, so an ambiguous failure means "outcome unknown". */
    INIT,
    /** The OAuth token and revoke endpoints (flat error body). */
    OAUTH,
    /** A media chunk PUT (bare HTTP status). */
    UPLOAD
}
