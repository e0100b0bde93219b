package dev.tiktokcalendar.tiktok.error;

import java.util.function.Function;

/**
 * The answer of every client call: {@link Ok} with the typed value and TikTok's {@code log_id}, or
 * {@link Failed} with a classified {@link TikTokError}. Expected failures (rate limits, rejections, unknown
 * outcomes) are values, not exceptions, so the pipeline decides without catch blocks.
 */
public sealed interface TikTokResult<T> permits TikTokResult.Ok, TikTokResult.Failed {

    record Ok<T>(T value, String logId) implements TikTokResult<T> {
    }

    record Failed<T>(TikTokError error) implements TikTokResult<T> {
    }

    static <T> TikTokResult<T> ok(T value, String logId) {
        return new Ok<>(value, logId);
    }

    static <T> TikTokResult<T> failed(TikTokError error) {
        return new Failed<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The error, or null on success. */
    default TikTokError error() {
        return this instanceof Failed<T> failed ? failed.error() : null;
    }

    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new TikTokApiException(error());
    }

    default <R> TikTokResult<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()), ok.logId());
        }
        return new Failed<>(error());
    }

    /** Re-types a failure (only valid on {@link Failed}). */
    default <R> TikTokResult<R> asFailure() {
        return new Failed<>(error());
    }
}
