package dev.tiktokcalendar.simulator.limit;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.OAuthException;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.RateLimitSettings.RateLimitKey;
import dev.tiktokcalendar.simulator.world.SimClock;

/**
 * TikTok's request limits (contract §12): init 6, status/fetch 30, creator_info 20 and the display endpoints
 * 600 per (time-scaled) sliding window, per user (or per app for the display endpoints, if so set). Cancel and
 * OAuth have no documented limit and get one only when the settings give it.
 */
public final class RateLimits {

    private static final String WHOLE_APP = "app";

    private final RateLimitSettings settings;
    private final SimClock clock;
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter();

    public RateLimits(RateLimitSettings settings, SimClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts the call against its budget, or throws 429 {@code rate_limit_exceeded} (and marks the call). */
    public void check(HttpCall call, String creatorOpenId, String accessToken) {
        Endpoint endpoint = call.endpoint();
        Integer limit = limitOf(endpoint);
        if (!settings.enabled() || limit == null) {
            return;
        }
        RateLimitKey key = endpoint.isDisplay() ? settings.displayKey() : settings.key();
        String owner = switch (key) {
            case CREATOR -> creatorOpenId;
            case TOKEN -> accessToken;
            case APP -> WHOLE_APP;
        };
        String bucket = endpoint.isInit() && settings.sharedInitBudget() ? "init" : endpoint.name();
        if (!acquire(call, bucket + '|' + owner, limit)) {
            throw ApiException.rateLimited();
        }
    }

    /**
     * Counts an OAuth call per app and endpoint when {@code oauth} is set. Over the limit it is answered like the
     * injected RATE_LIMITED fault on OAuth: {@code temporarily_unavailable}, the OAuth error clients retry.
     */
    public void checkOAuth(HttpCall call, String clientKey) {
        if (!settings.enabled() || settings.oauth() == null) {
            return;
        }
        if (!acquire(call, call.endpoint().name() + '|' + clientKey, settings.oauth())) {
            throw new OAuthException("temporarily_unavailable",
                    "Too many requests for this client_key; try again later.");
        }
    }

    private boolean acquire(HttpCall call, String key, int limit) {
        if (limiter.tryAcquire(key, limit, clock.scaled(settings.window()), clock.now())) {
            return true;
        }
        call.markOverLimit();
        return false;
    }

    private Integer limitOf(Endpoint endpoint) {
        return switch (endpoint) {
            case VIDEO_INIT, INBOX_VIDEO_INIT, CONTENT_INIT -> settings.init();
            case STATUS_FETCH -> settings.statusFetch();
            case CREATOR_INFO -> settings.creatorInfo();
            case USER_INFO, VIDEO_LIST, VIDEO_QUERY -> settings.display();
            case CANCEL -> settings.cancel();
            default -> null;
        };
    }
}
