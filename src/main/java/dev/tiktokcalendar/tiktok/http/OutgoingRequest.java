package dev.tiktokcalendar.tiktok.http;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to TikTok: method, URI, headers, an optional body and how long to wait for the answer. A streamed
 * body's length is known up front (chunks carry Content-Range); the sender closes its stream.
 */
public record OutgoingRequest(String method, URI uri, Map<String, String> headers, Body body, Duration timeout) {

    public OutgoingRequest {
        headers = Map.copyOf(headers);
    }

    public static Builder to(String method, URI uri, Duration timeout) {
        return new Builder(method, uri, timeout);
    }

    /** A request body. */
    public sealed interface Body {
    }

    /** A small body held in memory (JSON, forms). */
    public record Bytes(byte[] content) implements Body {
    }

    /** A body of {@code length} bytes read from {@code content} as the request is sent. */
    public record Streamed(InputStream content, long length) implements Body {
    }

    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Duration timeout;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Body body;

        private Builder(String method, URI uri, Duration timeout) {
            this.method = method;
            this.uri = uri;
            this.timeout = timeout;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(byte[] content) {
            this.body = new Bytes(content);
            return this;
        }

        public Builder body(InputStream content, long length) {
            this.body = new Streamed(content, length);
            return this;
        }

        public OutgoingRequest build() {
            return new OutgoingRequest(method, uri, headers, body, timeout);
        }
    }
}
