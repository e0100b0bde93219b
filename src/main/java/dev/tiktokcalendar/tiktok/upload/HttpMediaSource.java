package dev.tiktokcalendar.tiktok.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Media behind an http(s) URL that honours {@code Range} requests: the size from a HEAD, each range from its own
 * {@code GET Range: bytes=a-b} (a 206 is required), streamed through without buffering the file.
 */
public final class HttpMediaSource implements MediaSource {

    private final HttpClient client;
    private final URI uri;
    private final Duration timeout;

    public HttpMediaSource(HttpClient client, URI uri, Duration timeout) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
    }

    @Override
    public long size() throws IOException {
        HttpResponse<Void> head = send(HttpRequest.newBuilder(uri).timeout(timeout)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() != 200) {
            throw new IOException("media source answered HTTP " + head.statusCode() + " to HEAD");
        }
        return head.headers().firstValueAsLong("Content-Length")
                .orElseThrow(() -> new IOException("media source sent no Content-Length"));
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Range", "bytes=" + offset + "-" + (offset + length - 1)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 206) {
            response.body().close();
            throw new IOException("media source answered HTTP " + response.statusCode() + " to a Range request");
        }
        return new BoundedInputStream(response.body(), length);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public String toString() {
        return "HttpMediaSource[" + UploadUrl.redact(uri.toString()) + "]";
    }
}
