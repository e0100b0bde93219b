package dev.tiktokcalendar.tiktok.upload;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Media read range by range from an HTTP server (a local one standing in for an https media host). */
class HttpMediaSourceTest {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    @Test
    void readsTheSizeAndExactRangesWithoutFetchingTheWholeFile(@TempDir Path dir) throws IOException {
        byte[] content = new byte[3_000_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        Path file = Files.write(dir.resolve("media.mp4"), content);
        List<String> ranges = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = rangeServer(file, ranges, true);
        try {
            HttpMediaSource source = new HttpMediaSource(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/media.mp4"), Duration.ofSeconds(10));

            long size = source.size();
            byte[] middle;
            try (InputStream in = source.open(1_000_000, 500_000)) {
                middle = in.readAllBytes();
            }

            assertThat(size).isEqualTo(3_000_000);
            assertThat(middle).isEqualTo(java.util.Arrays.copyOfRange(content, 1_000_000, 1_500_000));
            assertThat(ranges).containsExactly("bytes=1000000-1499999");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesAServerThatIgnoresRanges(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("media.mp4"), new byte[1000]);
        HttpServer server = rangeServer(file, new ArrayList<>(), false);
        try {
            HttpMediaSource source = new HttpMediaSource(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/media.mp4"), Duration.ofSeconds(10));

            assertThatThrownBy(() -> source.open(0, 10)).isInstanceOf(IOException.class).hasMessageContaining("200");
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer rangeServer(Path file, List<String> ranges, boolean honourRanges) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/media.mp4", exchange -> {
            long size = Files.size(file);
            String range = exchange.getRequestHeaders().getFirst("Range");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Content-Length", Long.toString(size));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            if (!honourRanges || matcher == null || !matcher.matches()) {
                exchange.sendResponseHeaders(200, size);
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
                return;
            }
            ranges.add(range);
            long first = Long.parseLong(matcher.group(1));
            long last = Long.parseLong(matcher.group(2));
            byte[] bytes = new byte[(int) (last - first + 1)];
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(first);
                raf.readFully(bytes);
            }
            exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + size);
            exchange.sendResponseHeaders(206, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }
}
