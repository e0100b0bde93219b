package dev.tiktokcalendar.tiktok.ratelimit;

import dev.tiktokcalendar.tiktok.TikTokProperties;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether one call for an account may go to TikTok now. A resilience4j {@link RateLimiter} per account
 * and bucket (zero wait) answers cheaply in-process; the {@link RateLimitLog} in the database has the last word, so
 * several nodes together stay within TikTok's limits. Never sleeps: a refusal carries the instant the call may
 * run. A 429 from TikTok is reported with {@link #rateLimited} and pushes the account's window forward everywhere.
 */
public final class RateLimitGate {

    private final RateLimitLog log;
    private final TikTokProperties.RateLimits limits;
    private final Clock clock;
    private final Map<RateBucket, RateLimiterRegistry> fronts = new EnumMap<>(RateBucket.class);
    private final Map<RateBucket, Integer> publishingCounts = new EnumMap<>(RateBucket.class);
    private final Map<RateBucket, Integer> displayCount = new EnumMap<>(RateBucket.class);

    public RateLimitGate(RateLimitLog log, TikTokProperties.RateLimits limits, Clock clock) {
        this.log = log;
        this.limits = limits;
        this.clock = clock;
        for (RateBucket bucket : RateBucket.values()) {
            TikTokProperties.Limit limit = bucket.limit(limits);
            (bucket == RateBucket.DISPLAY ? displayCount : publishingCounts).put(bucket, limit.count());
            fronts.put(bucket, RateLimiterRegistry.of(RateLimiterConfig.custom()
                    .limitForPeriod(limit.count()).limitRefreshPeriod(limit.window().plus(limits.margin()))
                    .timeoutDuration(Duration.ZERO).build()));
        }
    }

    public Reservation reserve(long accountId, RateBucket bucket) {
        Instant now = clock.instant();
        if (limits.inProcessFront()) {
            RateLimiter front = fronts.get(bucket).rateLimiter(Long.toString(accountId));
            if (!front.acquirePermission()) {
                return Reservation.notBefore(now.plusNanos(Math.max(nanosToWait(front), 1_000_000)));
            }
        }
        TikTokProperties.Limit limit = bucket.limit(limits);
        return log.reserve(accountId, bucket, madeTogether(bucket), limit.window().plus(limits.margin()), now);
    }

    /** TikTok said 429 for this account: nobody calls this bucket again for one window. Returns when it may. */
    public Instant rateLimited(long accountId, RateBucket bucket) {
        TikTokProperties.Limit limit = bucket.limit(limits);
        if (limits.inProcessFront()) {
            RateLimiter front = fronts.get(bucket).rateLimiter(Long.toString(accountId));
            front.drainPermissions();
        }
        return log.exhaust(accountId, bucket, madeTogether(bucket), limit.window().plus(limits.margin()), clock.instant());
    }

    /**
     * The buckets whose slots are made along with {@code bucket}'s: a post's calls (creator_info, init, status) come
     * together, so its first call makes them all; the display API's 600 slots only when it is used.
     */
    private Map<RateBucket, Integer> madeTogether(RateBucket bucket) {
        return bucket == RateBucket.DISPLAY ? displayCount : publishingCounts;
    }

    /**
     * When each of the account's slots of {@code bucket} is free again, soonest first, as the database says (the
     * in-process front is not asked: it only ever refuses sooner).
     */
    public List<Instant> freeInstants(long accountId, RateBucket bucket) {
        return log.freeInstants(accountId, bucket, bucket.limit(limits).count(), window(bucket));
    }

    public Duration window(RateBucket bucket) {
        return bucket.limit(limits).window().plus(limits.margin());
    }

    private static long nanosToWait(RateLimiter front) {
        return front instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 0;
    }
}
