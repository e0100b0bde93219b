package dev.tiktokcalendar.simulator.fault;

/** What can go wrong with one request (issue item 7). */
public enum FaultKind {
    /** HTTP 500 {@code internal_error}; nothing happens. */
    HTTP_500,
    /** The connection closes without an answer. */
    DROP_CONNECTION,
    /** The answer comes late (by {@link Fault#slowBy()}, time-scaled), otherwise normal. */
    SLOW,
    /** HTTP 429 {@code rate_limit_exceeded} although no limit was reached. */
    RATE_LIMITED,
    /** An error answer carries HTTP 200 (the code stays in the envelope). */
    ERROR_AS_HTTP_200,
    /** An init succeeds but the publish later FAILs with {@link Fault#failReason()}. */
    FAIL_PUBLISH,
    /** An init succeeds but its processing never finishes. */
    NEVER_FINISH,
    /** The creator revokes the app just before this request is served. */
    REVOKE_TOKEN,
    /** The init creates the publish, then answers HTTP 500: the ambiguous case. */
    INIT_500_AFTER_CREATE,
    /** The request is served in full (a chunk stored, a publish created), then the connection closes unanswered. */
    ANSWER_LOST,
    /**
     * The request is refused with the documented error {@link Fault#errorCode()} and its HTTP status, as if the
     * condition behind it held (a daily cap, a ban, a missing scope...); nothing happens. Only through
     * {@code injectNext}: a seeded profile cannot say which error.
     */
    ERROR_CODE
}
