package dev.tiktokcalendar.tiktok.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where account tokens live (encrypted) and how one refresh at a time per account is coordinated across nodes.
 * Every method is one committed statement; none waits. {@code token_version} grows with every token write, so a
 * refresh commits only if nobody replaced the tokens meanwhile.
 */
public interface TokenStore {

    /** The account's tokens; empty when the account does not exist or has none. */
    Optional<StoredTokens> load(long accountId);

    /** Takes the account's refresh lease for {@code owner} until {@code until}, if free or expired at {@code now}. */
    boolean tryLease(long accountId, String owner, Instant now, Instant until);

    /**
     * Stores a refreshed grant (rotated refresh token included), bumps the version and frees the lease, only if
     * {@code owner} still holds the lease and the version is still {@code expectedVersion}. True when committed.
     */
    boolean commitRefresh(long accountId, String owner, long expectedVersion, TokenGrant grant, Instant now);

    void releaseLease(long accountId, String owner);

    /** The account needs the creator to connect again (e.g. {@code invalid_grant}); frees any lease. */
    void markNeedsReauth(long accountId, String reason, Instant now);

    /** Stores a fresh grant after the creator connected the account (the OAuth flow), bumping the version. */
    void save(long accountId, TokenGrant grant, Instant now);
}
