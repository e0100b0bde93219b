package dev.tiktokcalendar.tiktok.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one JDK {@link HttpClient} of the TikTok client (HTTP/1.1, no redirects: TikTok's URLs never redirect and a
 * redirect must not carry a bearer token elsewhere). Turns I/O failures into {@link TransportFailure}s that say
 * whether the request can have reached TikTok.
 */
public final class TikTokHttp {

    private final HttpClient client;

    public TikTokHttp(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpAnswer send(HttpRequest request) throws TransportFailure {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new HttpAnswer(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportFailure(new InterruptedIOException("interrupted"));
        } catch (IOException e) {
            throw new TransportFailure(e);
        }
    }
}
