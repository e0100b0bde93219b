package dev.tiktokcalendar.tiktok.error;

/**
 * What the publishing pipeline should do about a failed TikTok call. Every {@code error.code}, OAuth
 * {@code error} and {@code fail_reason} of the contract maps to exactly one of these (see {@link ErrorCatalog}),
 * so callers branch on this enum and never on TikTok's strings.
 */
public enum ErrorClass {
    /** Nothing happened at TikTok; the same call (or, for a failed publish, a new init) may be made again later. */
    RETRY_SAFE,
    /** An init (or the last upload chunk) may have landed; reconcile (status/fetch, video/list), never re-init blindly. */
    OUTCOME_UNKNOWN,
    /** Not now: rate limit, daily post cap, pending-inbox cap. {@link TikTokError#retryAt()} says when. */
    DEFER,
    /** The account's tokens are gone or lack a scope: the creator must connect the account again. */
    REAUTHORIZE,
    /** The account cannot post at all until the creator changes something (ban, public account on unaudited app). */
    ACCOUNT_CANNOT_POST,
    /** This post (its fields, media or publish id) is refused; editing the post is the only way forward. */
    POST_INVALID,
    /** The app itself is misconfigured (client key/secret, grant type): no account can proceed until an operator fixes it. */
    APP_MISCONFIGURED
}
