package dev.tiktokcalendar.simulator.world;

import java.time.Duration;

/**
 * Sliding-window request limits (contract §12). {@code key=CREATOR} counts per TikTok user, so a refreshed
 * token does not get a fresh budget; {@code TOKEN} counts per access token (the other reading of the docs).
 * {@code sharedInitBudget} makes the three init endpoints draw from one budget (UNCONFIRMED upstream).
 */
public record RateLimitSettings(
        Boolean enabled,
        RateLimitKey key,
        Boolean sharedInitBudget,
        Duration window,
        Integer init,
        Integer statusFetch,
        Integer creatorInfo,
        Integer display) {

    public enum RateLimitKey { CREATOR, TOKEN }

    public RateLimitSettings {
        enabled = enabled == null || enabled;
        key = key == null ? RateLimitKey.CREATOR : key;
        sharedInitBudget = sharedInitBudget != null && sharedInitBudget;
        window = window == null ? Duration.ofSeconds(60) : window;
        init = init == null ? 6 : init;
        statusFetch = statusFetch == null ? 30 : statusFetch;
        creatorInfo = creatorInfo == null ? 20 : creatorInfo;
        display = display == null ? 600 : display;
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(null, null, null, null, null, null, null, null);
    }

    public RateLimitSettings withKey(RateLimitKey value) {
        return new RateLimitSettings(enabled, value, sharedInitBudget, window, init, statusFetch, creatorInfo, display);
    }

    public RateLimitSettings withLimits(int initLimit, int statusLimit, int creatorInfoLimit, int displayLimit) {
        return new RateLimitSettings(enabled, key, sharedInitBudget, window, initLimit, statusLimit,
                creatorInfoLimit, displayLimit);
    }
}
