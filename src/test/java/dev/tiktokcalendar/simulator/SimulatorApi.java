package dev.tiktokcalendar.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client for tests: real requests against a running simulator, plus the common flows. */
final class SimulatorApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final TikTokSimulator sim;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SimulatorApi(TikTokSimulator sim) {
        this.sim = sim;
    }

    record Reply(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        }

        String code() {
            return json().path("error").path("code").asString();
        }

        JsonNode data() {
            return json().path("data");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    String token(String username, String... scopes) {
        return sim.issueTokens(username, scopes).accessToken();
    }

    Reply get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply postJson(String pathAndQuery, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cache-Control", "no-cache")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply put(String url, String contentType, String contentRange, byte[] chunk) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .header("Content-Range", contentRange)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- flows ---

    static String directVideoBody(String privacy, String title, long size, long chunk, long total) {
        return """
                {"post_info":{"title":%s,"privacy_level":"%s","disable_duet":false,"disable_comment":false,
                 "disable_stitch":false,"brand_content_toggle":false,"brand_organic_toggle":false},
                 "source_info":{"source":"FILE_UPLOAD","video_size":%d,"chunk_size":%d,"total_chunk_count":%d}}
                """.formatted(JSON.writeValueAsString(title), privacy, size, chunk, total);
    }

    static String pullBody(String privacy, String title, String url) {
        return """
                {"post_info":{"title":%s,"privacy_level":"%s","brand_content_toggle":false},
                 "source_info":{"source":"PULL_FROM_URL","video_url":"%s"}}
                """.formatted(JSON.writeValueAsString(title), privacy, url);
    }

    Reply initDirectUpload(String token, String privacy, String title, long size) {
        return postJson("/v2/post/publish/video/init/", token, directVideoBody(privacy, title, size, size, 1));
    }

    /** Uploads {@code bytes} whole (one chunk) to the init's upload_url; returns the PUT's reply. */
    Reply uploadWhole(Reply init, byte[] bytes) {
        String url = init.data().path("upload_url").asString();
        return put(url, "video/mp4", "bytes 0-" + (bytes.length - 1) + "/" + bytes.length, bytes);
    }

    /** Init + whole upload of a direct post; returns the publish id. */
    String publishDirect(String token, String privacy, String title, byte[] media) {
        Reply init = initDirectUpload(token, privacy, title, media.length);
        if (init.status() != 200) {
            throw new IllegalStateException("init failed: " + init.body());
        }
        Reply put = uploadWhole(init, media);
        if (put.status() != 201) {
            throw new IllegalStateException("upload failed: " + put.status());
        }
        return init.data().path("publish_id").asString();
    }

    Reply status(String token, String publishId) {
        return postJson("/v2/post/publish/status/fetch/", token, "{\"publish_id\":\"" + publishId + "\"}");
    }

    Map<String, String> clientForm(String... pairs) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("client_key", sim.world().app().clientKey());
        form.put("client_secret", sim.world().app().clientSecret());
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(sim.baseUrl() + pathAndQuery);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
