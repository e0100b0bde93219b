package dev.tiktokcalendar.tiktok.api;

import dev.tiktokcalendar.tiktok.SafeRetry;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.auth.AccessToken;
import dev.tiktokcalendar.tiktok.auth.AccessTokens;
import dev.tiktokcalendar.tiktok.error.CallKind;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.http.HttpAnswer;
import dev.tiktokcalendar.tiktok.http.OutgoingRequest;
import dev.tiktokcalendar.tiktok.http.TikTokHttp;
import dev.tiktokcalendar.tiktok.http.TransportFailure;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitGate;
import dev.tiktokcalendar.tiktok.ratelimit.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Makes one data-endpoint call for an account, in this order: a rate-limit reservation (a refusal comes back as
 * DEFER with the instant the call may run; nothing waits), a current access token, the HTTP call, then the envelope
 * decides: {@code error.code == "ok"} is success whatever the HTTP status. {@code access_token_invalid} triggers one
 * token refresh and one replay; a 429 pushes the account's window forward on every node; safe calls are repeated on
 * RETRY_SAFE failures by {@link SafeRetry}; an init is never repeated and an ambiguous init is OUTCOME_UNKNOWN with
 * the {@code publish_id} if one came back.
 */
public final class ApiCaller {

    private static final Logger log = LoggerFactory.getLogger(ApiCaller.class);

    private final TikTokHttp http;
    private final TikTokProperties settings;
    private final ErrorCatalog catalog;
    private final RateLimitGate gate;
    private final AccessTokens tokens;
    private final Clock clock;
    private final SafeRetry retry;

    public ApiCaller(TikTokHttp http, TikTokProperties settings, ErrorCatalog catalog, RateLimitGate gate,
                     AccessTokens tokens, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.catalog = catalog;
        this.gate = gate;
        this.tokens = tokens;
        this.clock = clock;
        // a failed token refresh was already retried by the OAuth client: repeating it here would multiply attempts
        this.retry = new SafeRetry("tiktok-api", settings.retry().maxAttempts(), settings.retry(),
                error -> !error.endpoint().startsWith("/v2/oauth/"));
    }

    public <T> TikTokResult<T> call(long accountId, ApiCall<T> call) {
        return call.kind() == CallKind.SAFE ? retry.run(() -> withToken(accountId, call)) : withToken(accountId, call);
    }

    private <T> TikTokResult<T> withToken(long accountId, ApiCall<T> call) {
        TikTokResult<AccessToken> token = tokens.current(accountId);
        if (!(token instanceof TikTokResult.Ok<AccessToken> current)) {
            return token.asFailure();
        }
        TikTokResult<T> result = once(accountId, call, current.value());
        if (result.error() != null && "access_token_invalid".equals(result.error().code())) {
            TikTokResult<AccessToken> refreshed = tokens.afterRejection(current.value());
            if (!(refreshed instanceof TikTokResult.Ok<AccessToken> renewed)) {
                return refreshed.asFailure();
            }
            return once(accountId, call, renewed.value());
        }
        return result;
    }

    private <T> TikTokResult<T> once(long accountId, ApiCall<T> call, AccessToken token) {
        Reservation reservation = gate.reserve(accountId, call.bucket());
        if (!reservation.granted()) {
            return TikTokResult.failed(ErrorCatalog.deferred("local_rate_limit", call.path(), reservation.at(),
                    "the " + call.bucket() + " rate limit of this account is used up"));
        }
        long started = System.nanoTime();
        HttpAnswer answer;
        try {
            answer = http.send(request(call, token));
        } catch (TransportFailure failure) {
            log.debug("TikTok {} {} account {}: no answer ({})", call.method(), call.path(), accountId, failure.getMessage());
            return TikTokResult.failed(catalog.transportError(call.path(), call.kind(), failure.requestSent(), failure.getMessage()));
        }
        Envelope envelope = Envelope.parse(answer.body());
        if (log.isDebugEnabled()) {
            log.debug("TikTok {} {} account {} -> HTTP {} {} log_id {} in {} ms", call.method(), call.path(), accountId,
                    answer.status(), envelope == null ? "(no envelope)" : envelope.code(),
                    envelope == null ? null : envelope.logId(), (System.nanoTime() - started) / 1_000_000);
        }
        if (envelope == null) {
            return TikTokResult.failed(catalog.httpError(answer.status(), call.path(), call.kind(), "answer without a TikTok envelope"));
        }
        if (envelope.isOk()) {
            return read(call, envelope, answer);
        }
        TikTokError error = catalog.apiError(envelope.code(), envelope.message(), envelope.logId(), answer.status(),
                call.path(), call.kind(), clock.instant(), gate.window(call.bucket()));
        if ("rate_limit_exceeded".equals(envelope.code())) {
            Instant retryAt = gate.rateLimited(accountId, call.bucket());
            error = new TikTokError(error.errorClass(), error.code(), error.message(), error.logId(), error.httpStatus(),
                    error.endpoint(), retryAt, null, error.userAction());
        }
        return TikTokResult.failed(withPublishId(error, envelope));
    }

    private <T> TikTokResult<T> read(ApiCall<T> call, Envelope envelope, HttpAnswer answer) {
        try {
            return TikTokResult.ok(call.reader().apply(envelope), envelope.logId());
        } catch (RuntimeException unreadable) {
            TikTokError error = catalog.httpError(answer.status() >= 400 ? answer.status() : 502, call.path(), call.kind(),
                    "unreadable data: " + unreadable.getClass().getSimpleName());
            return TikTokResult.failed(withPublishId(error, envelope));
        }
    }

    private static TikTokError withPublishId(TikTokError error, Envelope envelope) {
        String publishId = envelope.data() == null ? null : TikTokJson.text(envelope.data(), "publish_id");
        return publishId == null ? error : error.withPublishId(publishId);
    }

    private OutgoingRequest request(ApiCall<?> call, AccessToken token) {
        String target = call.path() + (call.query() == null ? "" : "?" + call.query());
        OutgoingRequest.Builder builder = OutgoingRequest.to(call.method(), settings.apiBaseUrl().resolve(target),
                        settings.requestTimeout())
                .header("Authorization", "Bearer " + token.value().reveal());
        if (call.body() == null && "GET".equals(call.method())) {
            return builder.build();
        }
        byte[] json = TikTokJson.MAPPER.writeValueAsBytes(call.body() == null ? java.util.Map.of() : call.body());
        return builder.header("Content-Type", "application/json; charset=UTF-8").body(json).build();
    }
}
