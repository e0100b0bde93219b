package dev.tiktokcalendar.tiktok.api;

import dev.tiktokcalendar.tiktok.error.CallKind;
import dev.tiktokcalendar.tiktok.ratelimit.RateBucket;

import java.util.function.Function;

/**
 * One data-endpoint request: method and path (trailing slash kept), optional query string, optional JSON body,
 * how safe it is to repeat, which rate limit it counts against, and how to read {@code data} on success.
 */
public record ApiCall<T>(String method, String path, String query, Object body, CallKind kind, RateBucket bucket,
                         Function<Envelope, T> reader) {
}
