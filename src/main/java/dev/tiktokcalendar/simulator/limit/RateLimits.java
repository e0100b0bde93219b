package dev.tiktokcalendar.simulator.limit;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimClock;

/**
 * TikTok's per-user request limits (contract §12): init 6, status/fetch 30, creator_info 20 and the display
 * endpoints 600 per (time-scaled) sliding window. Cancel and OAuth have no documented limit and get none.
 */
public final class RateLimits {

    private final RateLimitSettings settings;
    private final SimClock clock;
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter();

    public RateLimits(RateLimitSettings settings, SimClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts the call against its budget, or throws 429 {@code rate_limit_exceeded} (and marks the call). */
    public void check(HttpCall call, String creatorOpenId, String accessToken) {
        if (!settings.enabled()) {
            return;
        }
        Endpoint endpoint = call.endpoint();
        int limit = limitOf(endpoint);
        if (limit < 0) {
            return;
        }
        String owner = settings.key() == RateLimitSettings.RateLimitKey.CREATOR ? creatorOpenId : accessToken;
        String bucket = endpoint.isInit() && settings.sharedInitBudget() ? "init" : endpoint.name();
        if (!limiter.tryAcquire(bucket + '|' + owner, limit, clock.scaled(settings.window()), clock.now())) {
            call.markOverLimit();
            throw ApiException.rateLimited();
        }
    }

    private int limitOf(Endpoint endpoint) {
        return switch (endpoint) {
            case VIDEO_INIT, INBOX_VIDEO_INIT, CONTENT_INIT -> settings.init();
            case STATUS_FETCH -> settings.statusFetch();
            case CREATOR_INFO -> settings.creatorInfo();
            case USER_INFO, VIDEO_LIST, VIDEO_QUERY -> settings.display();
            default -> -1;
        };
    }
}
