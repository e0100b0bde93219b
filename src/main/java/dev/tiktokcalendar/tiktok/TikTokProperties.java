package dev.tiktokcalendar.tiktok;

import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code tiktok.*} settings of the API client. Every default is TikTok's documented value (contract §12) or a
 * conservative choice; a null (unset) value takes the default, so tests can build this with only what they change.
 */
@ConfigurationProperties("tiktok")
public record TikTokProperties(URI apiBaseUrl, URI authBaseUrl, String clientKey, String clientSecret,
                               Duration connectTimeout, Duration requestTimeout, Duration chunkTimeout,
                               Long chunkSize, Tokens tokens, RateLimits rateLimits, Retry retry) {

    public TikTokProperties {
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://open.tiktokapis.com") : apiBaseUrl;
        authBaseUrl = authBaseUrl == null ? URI.create("https://www.tiktok.com") : authBaseUrl;
        clientKey = clientKey == null ? "" : clientKey;
        clientSecret = clientSecret == null ? "" : clientSecret;
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(5));
        requestTimeout = orDefault(requestTimeout, Duration.ofSeconds(30));
        chunkTimeout = orDefault(chunkTimeout, Duration.ofMinutes(5));
        chunkSize = chunkSize == null ? 10_000_000L : chunkSize;
        tokens = tokens == null ? new Tokens(null, null, null, null) : tokens;
        rateLimits = rateLimits == null ? new RateLimits(null, null, null, null, null, null) : rateLimits;
        retry = retry == null ? new Retry(null, null, null, null, null, null) : retry;
    }

    /** Defaults everywhere, pointing at the given base URL for both the API and the auth host. */
    public static TikTokProperties forBaseUrl(String baseUrl, String clientKey, String clientSecret) {
        return new TikTokProperties(URI.create(baseUrl), URI.create(baseUrl), clientKey, clientSecret,
                null, null, null, null, null, null, null);
    }

    public TikTokProperties withRateLimits(RateLimits value) {
        return new TikTokProperties(apiBaseUrl, authBaseUrl, clientKey, clientSecret, connectTimeout, requestTimeout,
                chunkTimeout, chunkSize, tokens, value, retry);
    }

    public TikTokProperties withRetry(Retry value) {
        return new TikTokProperties(apiBaseUrl, authBaseUrl, clientKey, clientSecret, connectTimeout, requestTimeout,
                chunkTimeout, chunkSize, tokens, rateLimits, value);
    }

    public TikTokProperties withTokens(Tokens value) {
        return new TikTokProperties(apiBaseUrl, authBaseUrl, clientKey, clientSecret, connectTimeout, requestTimeout,
                chunkTimeout, chunkSize, value, rateLimits, retry);
    }

    /**
     * @param refreshAhead refresh an access token this long before it expires
     * @param refreshLease how long one node may hold an account's refresh lease (a crashed node's lease expires)
     * @param refreshWait  how long a call waits for another node's refresh when its own token has already expired
     * @param reuseFor     how long a token read from the store is used again without another read (0: every call reads)
     */
    public record Tokens(Duration refreshAhead, Duration refreshLease, Duration refreshWait, Duration reuseFor) {
        public Tokens {
            reuseFor = orDefault(reuseFor, Duration.ofSeconds(30));
            refreshAhead = orDefault(refreshAhead, Duration.ofMinutes(30));
            refreshLease = orDefault(refreshLease, Duration.ofSeconds(30));
            refreshWait = orDefault(refreshWait, Duration.ofSeconds(10));
        }
    }

    /** One TikTok limit: at most {@code count} calls in any {@code window}, per account. */
    public record Limit(Integer count, Duration window) {
        public Limit {
            if (count != null && count < 1) {
                throw new IllegalArgumentException("a rate limit count must be at least 1");
            }
        }

        Limit or(int defaultCount, Duration defaultWindow) {
            return new Limit(count == null ? defaultCount : count, orDefault(window, defaultWindow));
        }
    }

    /**
     * @param inProcessFront whether a resilience4j RateLimiter per account answers "not now" before asking the
     *                       database (which stays the source of truth across nodes). Off by default: its fixed
     *                       cycles drift from the database's sliding windows, and every reservation the database
     *                       refuses still uses up a permit, so posts waiting for a slot lose whole windows
     * @param margin         added to every window: a slot is taken when the request leaves, TikTok counts it when it
     *                       arrives, and two requests a window apart can arrive less than a window apart
     */
    public record RateLimits(Boolean inProcessFront, Limit init, Limit status, Limit creatorInfo, Limit display,
                             Duration margin) {

        public RateLimits {
            inProcessFront = inProcessFront != null && inProcessFront;
            margin = orDefault(margin, Duration.ofSeconds(1));
            Duration minute = Duration.ofSeconds(60);
            init = (init == null ? new Limit(null, null) : init).or(6, minute);
            status = (status == null ? new Limit(null, null) : status).or(30, minute);
            creatorInfo = (creatorInfo == null ? new Limit(null, null) : creatorInfo).or(20, minute);
            display = (display == null ? new Limit(null, null) : display).or(600, minute);
        }
    }

    /**
     * @param maxAttempts    attempts of a safe call (reads, cancel, token refresh) on 5xx or no answer
     * @param initialBackoff first pause between attempts, doubled each time, with ±50 % jitter
     * @param maxBackoff     longest pause between attempts
     * @param chunkAttempts  attempts of one upload chunk on 5xx or no answer
     * @param dailyCapDefer  how long {@code spam_risk_too_many_posts} and {@code reached_active_user_cap} defer
     * @param pendingShareDefer how long {@code spam_risk_too_many_pending_share} defers
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Integer chunkAttempts,
                        Duration dailyCapDefer, Duration pendingShareDefer) {
        public Retry {
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            initialBackoff = orDefault(initialBackoff, Duration.ofMillis(500));
            maxBackoff = orDefault(maxBackoff, Duration.ofSeconds(5));
            chunkAttempts = chunkAttempts == null ? 4 : chunkAttempts;
            dailyCapDefer = orDefault(dailyCapDefer, Duration.ofHours(24));
            pendingShareDefer = orDefault(pendingShareDefer, Duration.ofHours(1));
        }

        public ErrorCatalog.Deferrals deferrals() {
            return new ErrorCatalog.Deferrals(dailyCapDefer, pendingShareDefer);
        }
    }

    @Override
    public String toString() {
        return "TikTokProperties[apiBaseUrl=" + apiBaseUrl + ", authBaseUrl=" + authBaseUrl + ", clientKey=" + clientKey
                + ", clientSecret=" + (clientSecret.isEmpty() ? "(unset)" : "[redacted]") + ", rateLimits=" + rateLimits
                + ", retry=" + retry + ", tokens=" + tokens + "]";
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
