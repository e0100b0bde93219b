package dev.tiktokcalendar.tiktok.api;

import tools.jackson.databind.JsonNode;

/**
 * The data-endpoint answer {@code {"data":{…},"error":{"code","message","log_id"}}} (contract §0.2). Success is
 * {@code error.code == "ok"}, whatever the HTTP status; {@code data} may be absent on errors, and some copies of
 * the docs name the id field {@code logid}.
 */
public record Envelope(JsonNode data, String code, String message, String logId) {

    public boolean isOk() {
        return "ok".equals(code);
    }

    /** The envelope of a body, or null when the body is not one (HTML error page, empty, other JSON). */
    public static Envelope parse(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : TikTokJson.MAPPER.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
        if (root == null || !root.path("error").isObject() || !root.path("error").path("code").isString()) {
            return null;
        }
        JsonNode error = root.path("error");
        String logId = TikTokJson.text(error, "log_id");
        return new Envelope(root.path("data"), error.path("code").asString(), TikTokJson.text(error, "message"),
                logId != null ? logId : TikTokJson.text(error, "logid"));
    }
}
