package dev.tiktokcalendar.tiktok.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands out a usable access token per account and refreshes it: ahead of expiry ({@code tiktok.tokens.refresh-ahead}
 * before {@code expires_in} runs out), or once after TikTok said {@code access_token_invalid}. One refresh at a time
 * per account across nodes (a lease row in the {@link TokenStore}); the rotated refresh token and the new access token
 * are committed in one statement before the new access token is returned. A node that finds another node refreshing
 * keeps using the current token while it is still valid, or waits briefly (outside any transaction) for the new one.
 * {@code invalid_grant} marks the account NEEDS_REAUTH.
 * <p>
 * A token read from the store is used again for {@code tiktok.tokens.reuse-for} without another read and decryption:
 * an account's posts prepared ahead and sent at their time ask for it twice within seconds. A token another node
 * rotated or revoked meanwhile is answered with {@code access_token_invalid}, after which {@link #afterRejection}
 * reads the store again.
 */
public final class AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final TokenStore store;
    private final OAuthClient oauth;
    private final Clock clock;
    private final TikTokProperties.Tokens settings;
    private final String node;
    private final Cache<Long, AccessToken> recentlyRead;

    public AccessTokens(TokenStore store, OAuthClient oauth, Clock clock, TikTokProperties.Tokens settings, String node) {
        this.store = store;
        this.oauth = oauth;
        this.clock = clock;
        this.settings = settings;
        this.node = node;
        this.recentlyRead = Caffeine.newBuilder().expireAfterWrite(settings.reuseFor()).maximumSize(100_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** The account's access token, refreshed first when it expires within the refresh-ahead margin. */
    public TikTokResult<AccessToken> current(long accountId) {
        AccessToken recent = recentlyRead.getIfPresent(accountId);
        if (recent != null && clock.instant().isBefore(recent.expiresAt().minus(settings.refreshAhead()))) {
            return TikTokResult.ok(recent, null);
        }
        return fromStore(accountId);
    }

    /** As {@link #current}, but always read from the store (the refresh job, which picked the account from it). */
    public TikTokResult<AccessToken> fromStore(long accountId) {
        Optional<StoredTokens> stored = store.load(accountId);
        if (stored.isEmpty()) {
            return reauth("no_tokens", "The account has no TikTok tokens; connect it.");
        }
        StoredTokens tokens = stored.get();
        if (!"ACTIVE".equals(tokens.status())) {
            return reauth("account_" + tokens.status().toLowerCase(), "The account is " + tokens.status() + "; reconnect it.");
        }
        Instant now = clock.instant();
        if (now.isBefore(tokens.accessExpiresAt().minus(settings.refreshAhead()))) {
            return remembered(TikTokResult.ok(tokens.access(), null));
        }
        return remembered(refresh(accountId, tokens.version(), now.isBefore(tokens.accessExpiresAt())));
    }

    /** The account's status changed (held, disconnected): its next call reads the store again. */
    public void forget(long accountId) {
        recentlyRead.invalidate(accountId);
    }

    private TikTokResult<AccessToken> remembered(TikTokResult<AccessToken> read) {
        if (read instanceof TikTokResult.Ok<AccessToken> token) {
            recentlyRead.put(token.value().accountId(), token.value());
        }
        return read;
    }

    /** TikTok refused {@code rejected}: a newer token if another call already refreshed, else one refresh now. */
    public TikTokResult<AccessToken> afterRejection(AccessToken rejected) {
        recentlyRead.invalidate(rejected.accountId());
        return remembered(refresh(rejected.accountId(), rejected.version(), false));
    }

    private TikTokResult<AccessToken> refresh(long accountId, long seenVersion, boolean currentStillValid) {
        long deadline = System.nanoTime() + settings.refreshWait().toNanos();
        while (true) {
            StoredTokens tokens = store.load(accountId).orElse(null);
            if (tokens == null || !"ACTIVE".equals(tokens.status())) {
                return reauth("account_not_active", "The account needs to be connected again.");
            }
            if (tokens.version() != seenVersion) {
                return TikTokResult.ok(tokens.access(), null);
            }
            Instant now = clock.instant();
            if (store.tryLease(accountId, node, now, now.plus(settings.refreshLease()))) {
                try {
                    return refreshHoldingLease(accountId, seenVersion, currentStillValid);
                } catch (RuntimeException unexpected) {
                    store.releaseLease(accountId, node);
                    throw unexpected;
                }
            }
            if (currentStillValid) {
                return TikTokResult.ok(tokens.access(), null);
            }
            if (System.nanoTime() > deadline) {
                return TikTokResult.failed(new TikTokError(ErrorClass.RETRY_SAFE, "refresh_in_progress",
                        "another node is refreshing this account's token", null, 0, OAuthClient.TOKEN_PATH,
                        null, null, "The token is being refreshed; the call is tried again automatically."));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private TikTokResult<AccessToken> refreshHoldingLease(long accountId, long seenVersion, boolean currentStillValid) {
        StoredTokens tokens = store.load(accountId).orElse(null);
        if (tokens == null || tokens.version() != seenVersion) {
            store.releaseLease(accountId, node);
            return tokens == null ? reauth("no_tokens", "The account has no TikTok tokens; connect it.")
                    : TikTokResult.ok(tokens.access(), null);
        }
        TikTokResult<TokenGrant> granted = oauth.refresh(tokens.refreshToken());
        if (granted instanceof TikTokResult.Failed<TokenGrant> failed) {
            TikTokError error = failed.error();
            if (error.errorClass() == ErrorClass.REAUTHORIZE) {
                store.markNeedsReauth(accountId, error.code() + ": " + error.message(), clock.instant());
                forget(accountId);
                log.info("TikTok account {} needs to be connected again: refresh refused with {}", accountId, error.code());
            } else {
                store.releaseLease(accountId, node);
            }
            return currentStillValid && error.errorClass() != ErrorClass.REAUTHORIZE
                    ? TikTokResult.ok(tokens.access(), null) : failed.asFailure();
        }
        TokenGrant grant = granted.orElseThrow();
        if (grant.refreshToken() == null) {
            grant = new TokenGrant(grant.openId(), grant.accessToken(), grant.accessExpiresAt(), tokens.refreshToken(),
                    tokens.refreshExpiresAt(), grant.scope());
        }
        if (!store.commitRefresh(accountId, node, seenVersion, grant, clock.instant())) {
            // our lease expired and someone else refreshed: their tokens are the committed ones
            log.warn("TikTok account {}: refreshed tokens could not be committed (lease lost); using the stored ones", accountId);
            return store.load(accountId).map(t -> TikTokResult.ok(t.access(), (String) null))
                    .orElseGet(() -> reauth("no_tokens", "The account has no TikTok tokens; connect it."));
        }
        log.debug("TikTok account {}: access token refreshed, valid until {}", accountId, grant.accessExpiresAt());
        return TikTokResult.ok(new AccessToken(accountId, grant.accessToken(), grant.accessExpiresAt(), seenVersion + 1), null);
    }

    private static TikTokResult<AccessToken> reauth(String code, String action) {
        return TikTokResult.failed(new TikTokError(ErrorClass.REAUTHORIZE, code, action, null, 0, OAuthClient.TOKEN_PATH,
                null, null, action));
    }
}
