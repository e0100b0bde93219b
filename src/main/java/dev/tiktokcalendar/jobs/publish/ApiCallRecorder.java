package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.ApiCallEvent;
import dev.tiktokcalendar.calendar.PostHistory;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Makes a TikTok call for a post and records it in the post's history (endpoint, HTTP status, TikTok code,
 * {@code log_id}, duration) and in the {@code calendar.tiktok.calls} metric. A call our own rate limiter refused
 * never reached TikTok and is not recorded as an API call.
 */
@Component
public class ApiCallRecorder {

    static final String LOCAL_RATE_LIMIT = "local_rate_limit";

    private final PostHistory history;
    private final MeterRegistry meters;
    private final Clock clock;

    public ApiCallRecorder(PostHistory history, MeterRegistry meters, Clock clock) {
        this.history = history;
        this.meters = meters;
        this.clock = clock;
    }

    public <T> TikTokResult<T> call(long postId, long accountId, Integer attemptNo, String endpoint,
                                    Supplier<TikTokResult<T>> call) {
        Made<T> made = make(postId, accountId, attemptNo, endpoint, call);
        record(made.event());
        return made.result();
    }

    /**
     * Makes the call and counts it, but leaves its history row to the caller, who records it with what follows from
     * the answer in one transaction ({@link dev.tiktokcalendar.calendar.InitResults}) or with {@link #record}.
     */
    public <T> Made<T> make(long postId, long accountId, Integer attemptNo, String endpoint, Supplier<TikTokResult<T>> call) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        TikTokResult<T> result = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        TikTokError error = result.error();
        if (error != null && LOCAL_RATE_LIMIT.equals(error.code())) {
            return new Made<>(result, null);
        }
        String code = error == null ? "ok" : error.code();
        int status = error == null ? 200 : error.httpStatus();
        String logId = error == null ? ((TikTokResult.Ok<T>) result).logId() : error.logId();
        meters.counter("calendar.tiktok.calls", "endpoint", endpoint, "code", code).increment();
        return new Made<>(result, new ApiCallEvent(postId, accountId, attemptNo, endpoint, status, code, logId, took, started));
    }

    /** Records a call made with {@link #make} in its post's history; nothing for a call that never reached TikTok. */
    public void record(ApiCallEvent event) {
        if (event != null) {
            history.recordApiCall(event);
        }
    }

    /** A call's answer and its history row, null when our own rate limiter refused it. */
    public record Made<T>(TikTokResult<T> result, ApiCallEvent event) {
    }
}
