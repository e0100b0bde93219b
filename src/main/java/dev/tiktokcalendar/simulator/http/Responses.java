package dev.tiktokcalendar.simulator.http;

import dev.tiktokcalendar.simulator.world.SimClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the two response shapes of the contract (§0.2): the data envelope
 * {@code {"data":…,"error":{"code","message","log_id"}}} and the flat OAuth body. {@code errorsWithHttp200}
 * sends failures with HTTP 200, as observed in the field.
 */
public final class Responses {

    private final SimClock clock;
    private final boolean errorsWithHttp200;

    public Responses(SimClock clock, boolean errorsWithHttp200) {
        this.clock = clock;
        this.errorsWithHttp200 = errorsWithHttp200;
    }

    public SimResponse ok(Object data) {
        ObjectNode root = Json.object();
        if (data != null) {
            root.set("data", data instanceof JsonNode node ? node : Json.MAPPER.valueToTree(data));
        }
        root.set("error", error("ok", ""));
        return SimResponse.json(200, Json.bytes(root), "ok");
    }

    public SimResponse failure(ApiException failure, boolean forceHttp200) {
        ObjectNode root = Json.object();
        root.set("data", Json.object());
        root.set("error", error(failure.code(), failure.getMessage()));
        int status = errorsWithHttp200 || forceHttp200 ? 200 : failure.httpStatus();
        return SimResponse.json(status, Json.bytes(root), failure.code());
    }

    public SimResponse oauthOk(Object body) {
        return SimResponse.json(200, Json.bytes(body), "ok");
    }

    public SimResponse oauthFailure(OAuthException failure, boolean forceHttp200) {
        ObjectNode root = Json.object();
        root.put("error", failure.error());
        root.put("error_description", failure.getMessage());
        root.put("log_id", LogIds.next(clock.now()));
        int status = errorsWithHttp200 || forceHttp200 ? 200 : httpStatusOf(failure.error());
        return SimResponse.json(status, Json.bytes(root), failure.error());
    }

    private static int httpStatusOf(String oauthError) {
        return switch (oauthError) {
            case "invalid_client", "unauthorized_client" -> 401;
            case "server_error" -> 500;
            case "temporarily_unavailable" -> 503;
            default -> 400;
        };
    }

    private ObjectNode error(String code, String message) {
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message == null ? "" : message);
        error.put("log_id", LogIds.next(clock.now()));
        return error;
    }
}
