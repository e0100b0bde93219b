package dev.tiktokcalendar.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request being served: its endpoint, headers, query and body, plus what serving it learns on the way
 * (the authenticated creator, the injected fault, whether a rate limit refused it).
 */
public final class HttpCall {

    private final HttpExchange exchange;
    private final Endpoint endpoint;
    private final Fault fault;
    private final Instant receivedAt;
    private byte[] body;
    private Map<String, String> query;
    private String creatorOpenId;
    private boolean overLimit;

    public HttpCall(HttpExchange exchange, Endpoint endpoint, Fault fault, Instant receivedAt) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.fault = fault;
        this.receivedAt = receivedAt;
    }

    /** When serving began, before any injected latency: the instant TikTok would have had the request. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    public boolean hasFault(FaultKind kind) {
        return fault != null && fault.kind() == kind;
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public String query(String name) {
        return queryParameters().get(name);
    }

    public Map<String, String> queryParameters() {
        if (query == null) {
            query = parseForm(exchange.getRequestURI().getRawQuery());
        }
        return query;
    }

    public byte[] body() {
        if (body == null) {
            try {
                body = exchange.getRequestBody().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    public Map<String, String> form() {
        return parseForm(new String(body(), StandardCharsets.UTF_8));
    }

    /** The body as JSON; an empty body reads as {@code {}}. Malformed JSON is a 400 with {@code invalidCode}. */
    public JsonNode json(String invalidCode) {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return Json.object();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (!node.isObject()) {
                throw new ApiException(400, invalidCode, "The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiException(400, invalidCode, "The request body is not valid JSON.");
        }
    }

    public void requireContentType(String expectedPrefix, ApiException otherwise) {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith(expectedPrefix)) {
            throw otherwise;
        }
    }

    public String creatorOpenId() {
        return creatorOpenId;
    }

    public void authenticatedAs(String openId) {
        this.creatorOpenId = openId;
    }

    public boolean overLimit() {
        return overLimit;
    }

    public void markOverLimit() {
        this.overLimit = true;
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
