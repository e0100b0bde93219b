package dev.tiktokcalendar.tiktok.http;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one HTTP client of the TikTok client: Apache HttpClient 5 (classic, blocking, pooled keep-alive connections),
 * which costs less CPU per request than the JDK's {@code java.net.http} (a burst of 1,000 inits: p99 2.54-2.64 s with
 * it, 2.84-3.32 s before, bench/RESULTS.md). It never retries (an init must never be sent twice by the transport; the callers decide what may
 * be repeated) and never follows redirects (TikTok's URLs never redirect and a redirect must not carry a bearer token
 * elsewhere). Turns I/O failures into {@link TransportFailure}s that say whether the request can have reached TikTok.
 */
public final class TikTokHttp {

    // inits at a due instant go out side by side on many threads; a pooled connection per thread avoids new handshakes
    private static final int MAX_CONNECTIONS = 512;
    // a connection idle this long is checked before reuse: the server may have closed it, and a request written to a
    // closed connection would end without an answer, i.e. with an outcome we could not know
    private static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofMilliseconds(500);

    // at DEBUG they print request lines (upload URLs carry their upload token), every header (bearer tokens) and byte
    private static final Map<String, String> SECRET_BEARING_LOGGERS = Map.of("org.apache.hc", "INFO",
            "org.apache.hc.client5.http.headers", "OFF", "org.apache.hc.client5.http.wire", "OFF");

    static {
        silenceSecretBearingLoggers();
    }

    private final CloseableHttpClient client;

    public TikTokHttp(Duration connectTimeout) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    /**
     * Keeps the HTTP client's debug logs off, also under a root level of DEBUG or TRACE (config/application.yml does
     * the same for the running application, whose logging may be set up after this class has loaded).
     */
    static void silenceSecretBearingLoggers() {
        SECRET_BEARING_LOGGERS.forEach((name, level) -> {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.toLevel(level));
            }
        });
    }

    public HttpAnswer send(OutgoingRequest request) throws TransportFailure {
        HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(outgoing::setHeader);
        outgoing.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(request.timeout()))
                .setConnectionRequestTimeout(Timeout.of(request.timeout()))
                .build());
        outgoing.setEntity(entity(request.body()));
        try {
            return client.execute(outgoing, TikTokHttp::answer);
        } catch (IOException e) {
            throw new TransportFailure(e);
        }
    }

    private static HttpEntity entity(OutgoingRequest.Body body) {
        if (body instanceof OutgoingRequest.Bytes bytes) {
            return new ByteArrayEntity(bytes.content(), null);
        }
        if (body instanceof OutgoingRequest.Streamed streamed) {
            return new InputStreamEntity(streamed.content(), streamed.length(), null);
        }
        return null;
    }

    private static HttpAnswer answer(ClassicHttpResponse response) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new HttpAnswer(response.getCode(), headers, body);
    }
}
