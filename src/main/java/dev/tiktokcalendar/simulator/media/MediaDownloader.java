package dev.tiktokcalendar.simulator.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Downloads PULL_FROM_URL media as TikTok does: a plain GET, redirects refused (any 3xx fails), non-200
 * fails, and the body is capped so a huge file cannot fill the disk.
 */
public final class MediaDownloader {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Copies the URL's body to {@code target}, reporting progress; throws when TikTok's pull would fail. */
    public void download(String url, Path target, long maxBytes, LongConsumer progress) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download interrupted", e);
        }
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
            if (response.statusCode() != 200) {
                throw new IOException("media URL answered HTTP " + response.statusCode());
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
                if (total > maxBytes) {
                    throw new IOException("media larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
                progress.accept(total);
            }
        }
    }
}
