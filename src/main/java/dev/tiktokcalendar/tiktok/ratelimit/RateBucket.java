package dev.tiktokcalendar.tiktok.ratelimit;

import dev.tiktokcalendar.tiktok.TikTokProperties;

/** The per-account limits of TikTok's API (contract §12), each with its own sliding window. */
public enum RateBucket {
    /** video/init, inbox/video/init and content/init share one budget (conservative: sharing is UNCONFIRMED). */
    INIT,
    /** status/fetch, and cancel (whose limit is undocumented). */
    STATUS,
    CREATOR_INFO,
    /** user/info, video/list, video/query. */
    DISPLAY;

    public TikTokProperties.Limit limit(TikTokProperties.RateLimits limits) {
        return switch (this) {
            case INIT -> limits.init();
            case STATUS -> limits.status();
            case CREATOR_INFO -> limits.creatorInfo();
            case DISPLAY -> limits.display();
        };
    }
}
