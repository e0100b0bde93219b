package dev.tiktokcalendar.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback web server playing the customer's media host (for PULL_FROM_URL) or webhook receiver. */
final class MediaServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    MediaServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/redirect/")) {
                    exchange.getResponseHeaders().set("Location", baseUrl() + "/media/" + path.substring(10));
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                byte[] body = files.get(path);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code bytes} at {@code /media/name}; returns the URL. */
    String serve(String name, byte[] bytes) {
        files.put("/media/" + name, bytes);
        return baseUrl() + "/media/" + name;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
