package dev.tiktokcalendar.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer ready to be written: status, content type, body, extra headers, and the error code it carries
 * (for the request log; {@code ok} on success, null where the endpoint has no codes).
 */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers, String code) {

    public static SimResponse json(int status, byte[] body, String code) {
        return new SimResponse(status, "application/json; charset=UTF-8", body, Map.of(), code);
    }

    public static SimResponse html(int status, String page) {
        return new SimResponse(status, "text/html; charset=UTF-8", page.getBytes(StandardCharsets.UTF_8), Map.of(), null);
    }

    public static SimResponse redirect(String location) {
        return new SimResponse(302, null, new byte[0], Map.of("Location", location), null);
    }

    public static SimResponse empty(int status, Map<String, String> headers) {
        return new SimResponse(status, null, new byte[0], headers, null);
    }
}
