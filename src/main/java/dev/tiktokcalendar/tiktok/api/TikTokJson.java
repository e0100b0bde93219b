package dev.tiktokcalendar.tiktok.api;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's JSON rules: snake_case field names, unknown fields ignored, nulls not sent, and TikTok ids kept
 * exact. {@code publicaly_available_post_id} holds 19-digit JSON numbers (above 2^53) while the Display API sends
 * the same ids as strings (contract §0.4); {@link #postId(JsonNode)} turns both into the same decimal string and
 * refuses anything that went through floating point.
 */
public final class TikTokJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private TikTokJson() {
    }

    /** A TikTok post id as a decimal string, from a JSON integer of any size or a string of digits. */
    public static String postId(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.signum() < 0) {
                throw new IllegalArgumentException("negative post id " + value);
            }
            return value.toString();
        }
        if (node.isString() && node.stringValue().matches("\\d{1,40}")) {
            return node.stringValue();
        }
        throw new IllegalArgumentException("not an exact post id: " + node.getNodeType() + " " + node);
    }

    /** A JSON array of post ids (numbers or strings); a missing or null node is an empty list. */
    public static List<String> postIds(JsonNode array) {
        List<String> ids = new ArrayList<>();
        if (array == null || array.isMissingNode() || array.isNull()) {
            return ids;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("post ids must be an array, got " + array.getNodeType());
        }
        for (JsonNode element : array) {
            ids.add(postId(element));
        }
        return List.copyOf(ids);
    }

    /** A text field, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
