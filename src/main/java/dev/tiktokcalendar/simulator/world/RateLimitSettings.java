package dev.tiktokcalendar.simulator.world;

import java.time.Duration;

/**
 * Sliding-window request limits (contract §12). {@code key=CREATOR} counts per TikTok user, so a refreshed
 * token does not get a fresh budget; {@code TOKEN} counts per access token (the other reading of the docs).
 * {@code displayKey} counts the Display API endpoints (user/info, video/list, video/query) per creator, per
 * token or, with {@code APP}, in one budget per endpoint for the whole app (UNCONFIRMED upstream; default: as
 * {@code key}). {@code sharedInitBudget} makes the three init endpoints draw from one budget (UNCONFIRMED
 * upstream). Cancel and the OAuth endpoints have no documented limit: {@code cancel} (counted like the others)
 * and {@code oauth} (per app and endpoint) are off unless set.
 */
public record RateLimitSettings(
        Boolean enabled,
        RateLimitKey key,
        Boolean sharedInitBudget,
        Duration window,
        Integer init,
        Integer statusFetch,
        Integer creatorInfo,
        Integer display,
        RateLimitKey displayKey,
        Integer cancel,
        Integer oauth) {

    public enum RateLimitKey { CREATOR, TOKEN, APP }

    public RateLimitSettings {
        enabled = enabled == null || enabled;
        key = key == null ? RateLimitKey.CREATOR : key;
        if (key == RateLimitKey.APP) {
            throw new IllegalArgumentException(
                    "rate-limits.key is CREATOR or TOKEN (the documented limits are per user); APP is for display-key");
        }
        displayKey = displayKey == null ? key : displayKey;
        sharedInitBudget = sharedInitBudget != null && sharedInitBudget;
        window = window == null ? Duration.ofSeconds(60) : window;
        init = init == null ? 6 : init;
        statusFetch = statusFetch == null ? 30 : statusFetch;
        creatorInfo = creatorInfo == null ? 20 : creatorInfo;
        display = display == null ? 600 : display;
    }

    /** The documented limits only; cancel and OAuth stay unlimited and the display key follows {@code key}. */
    public RateLimitSettings(Boolean enabled, RateLimitKey key, Boolean sharedInitBudget, Duration window, Integer init,
                             Integer statusFetch, Integer creatorInfo, Integer display) {
        this(enabled, key, sharedInitBudget, window, init, statusFetch, creatorInfo, display, null, null, null);
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(null, null, null, null, null, null, null, null);
    }

    public RateLimitSettings withKey(RateLimitKey value) {
        return new RateLimitSettings(enabled, value, sharedInitBudget, window, init, statusFetch, creatorInfo, display,
                displayKey == key ? null : displayKey, cancel, oauth);
    }

    public RateLimitSettings withLimits(int initLimit, int statusLimit, int creatorInfoLimit, int displayLimit) {
        return new RateLimitSettings(enabled, key, sharedInitBudget, window, initLimit, statusLimit,
                creatorInfoLimit, displayLimit, displayKey, cancel, oauth);
    }

    public RateLimitSettings withDisplayKey(RateLimitKey value) {
        return new RateLimitSettings(enabled, key, sharedInitBudget, window, init, statusFetch, creatorInfo, display,
                value, cancel, oauth);
    }

    /** @param cancelLimit per window for cancel; null = none. @param oauthLimit per window, app and OAuth endpoint; null = none */
    public RateLimitSettings withUndocumentedLimits(Integer cancelLimit, Integer oauthLimit) {
        return new RateLimitSettings(enabled, key, sharedInitBudget, window, init, statusFetch, creatorInfo, display,
                displayKey, cancelLimit, oauthLimit);
    }
}
