package dev.tiktokcalendar.tiktok;

import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The client's only retry loop (resilience4j {@link Retry}, jittered exponential backoff, short budget): it repeats
 * a call whose result is {@link ErrorClass#RETRY_SAFE} — 5xx, no answer, TikTok's internal error — and nothing
 * else. Callers give it only calls that are safe to repeat (never an init). It pauses in the calling thread, so it
 * must never run inside a database transaction.
 */
public final class SafeRetry {

    private final Retry retry;

    public SafeRetry(String name, int maxAttempts, TikTokProperties.Retry settings) {
        this(name, maxAttempts, settings, error -> true);
    }

    /** Retries only RETRY_SAFE errors that also pass {@code retryable} (e.g. not those another retry loop already had). */
    public SafeRetry(String name, int maxAttempts, TikTokProperties.Retry settings, Predicate<TikTokError> retryable) {
        RetryConfig config = RetryConfig.<TikTokResult<?>>custom()
                .maxAttempts(Math.max(1, maxAttempts))
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5,
                        settings.maxBackoff()))
                .retryOnResult(result -> result instanceof TikTokResult.Failed<?> failed
                        && failed.error().errorClass() == ErrorClass.RETRY_SAFE && retryable.test(failed.error()))
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .build();
        this.retry = Retry.of(name, config);
    }

    @SuppressWarnings("unchecked")
    public <T> TikTokResult<T> run(Supplier<TikTokResult<T>> call) {
        Supplier<TikTokResult<?>> widened = (Supplier<TikTokResult<?>>) (Supplier<?>) call;
        return (TikTokResult<T>) Retry.decorateSupplier(retry, widened).get();
    }
}
