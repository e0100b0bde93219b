package dev.tiktokcalendar.simulator.display;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.http.Responses;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.oauth.Grant;
import dev.tiktokcalendar.simulator.oauth.RequestGate;
import dev.tiktokcalendar.simulator.oauth.Scopes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v2/video/list/} (public posts newest first, {@code cursor} in ms, {@code max_count} ≤ 20, ids
 * as JSON strings) and {@code POST /v2/video/query/} (≤ 20 ids, only the caller's). Both need {@code fields}.
 */
public final class DisplayEndpoints {

    static final Set<String> VIDEO_FIELDS = Set.of("id", "create_time", "cover_image_url", "share_url",
            "video_description", "duration", "height", "width", "title", "embed_html", "embed_link",
            "like_count", "comment_count", "share_count", "view_count");

    private final RequestGate gate;
    private final PublicVideos videos;
    private final Responses responses;

    public DisplayEndpoints(RequestGate gate, PublicVideos videos, Responses responses) {
        this.gate = gate;
        this.videos = videos;
        this.responses = responses;
    }

    public SimResponse list(HttpCall call) {
        Grant grant = gate.admit(call, Scopes.VIDEO_LIST);
        Set<String> fields = fields(call);
        JsonNode body = jsonBody(call);
        Long maxCount = body.has("max_count") ? Json.integer(body, "max_count") : Long.valueOf(10);
        if (maxCount == null || maxCount < 1 || maxCount > 20) {
            throw new ApiException(400, "invalid_params", "max_count must be between 1 and 20.");
        }
        Long cursor = body.has("cursor") ? Json.integer(body, "cursor") : null;
        if (body.has("cursor") && cursor == null) {
            throw new ApiException(400, "invalid_params", "cursor must be a Unix timestamp in milliseconds.");
        }
        Instant before = cursor == null ? null : Instant.ofEpochMilli(cursor);
        List<PublicVideo> page = videos.before(grant.creatorOpenId(), before, maxCount.intValue() + 1);
        boolean hasMore = page.size() > maxCount;
        List<PublicVideo> shown = hasMore ? page.subList(0, maxCount.intValue()) : page;
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("videos");
        shown.forEach(video -> list.add(render(video, fields)));
        long nextCursor = shown.isEmpty() ? (cursor == null ? 0 : cursor)
                : shown.get(shown.size() - 1).createTime().toEpochMilli();
        data.put("cursor", nextCursor);
        data.put("has_more", hasMore);
        return responses.ok(data);
    }

    public SimResponse query(HttpCall call) {
        Grant grant = gate.admit(call, Scopes.VIDEO_LIST);
        Set<String> fields = fields(call);
        JsonNode ids = jsonBody(call).path("filters").path("video_ids");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > 20) {
            throw new ApiException(400, "invalid_params", "filters.video_ids must hold 1 to 20 ids.");
        }
        Set<String> wanted = new HashSet<>();
        ids.forEach(id -> wanted.add(id.asString()));
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("videos");
        videos.newestFirst(grant.creatorOpenId()).stream()
                .filter(video -> wanted.contains(Long.toString(video.id())))
                .forEach(video -> list.add(render(video, fields)));
        return responses.ok(data);
    }

    private static JsonNode jsonBody(HttpCall call) {
        call.requireContentType("application/json",
                new ApiException(400, "invalid_params", "Content-Type must be application/json."));
        return call.json("invalid_params");
    }

    private static Set<String> fields(HttpCall call) {
        String raw = call.query("fields");
        if (raw == null || raw.isBlank()) {
            throw new ApiException(400, "invalid_params", "fields is required.");
        }
        Set<String> fields = new LinkedHashSet<>(Arrays.asList(raw.split(",")));
        if (!VIDEO_FIELDS.containsAll(fields)) {
            throw new ApiException(400, "invalid_params", "fields contains an unknown field.");
        }
        return fields;
    }

    private static ObjectNode render(PublicVideo video, Set<String> fields) {
        ObjectNode all = Json.object();
        String id = Long.toString(video.id());
        String shareUrl = "https://www.tiktok.com/@" + video.creatorUsername() + "/video/" + id
                + "?utm_campaign=tt4d_open_api&utm_source=simulator";
        all.put("id", id);
        all.put("create_time", video.createTime().getEpochSecond());
        all.put("cover_image_url", "https://p16-sign.tiktokcdn-us.com/sim/" + id + "~tplv-cover.jpeg");
        all.put("share_url", shareUrl);
        all.put("video_description", truncate(video.title(), 150));
        all.put("duration", (int) Math.round(video.durationSec()));
        all.put("height", video.height());
        all.put("width", video.width());
        all.put("title", truncate(video.title(), 150));
        all.put("embed_link", "https://www.tiktok.com/player/v1/" + id);
        all.put("embed_html", "<blockquote class=\"tiktok-embed\" data-video-id=\"" + id + "\"></blockquote>");
        all.put("like_count", 0);
        all.put("comment_count", 0);
        all.put("share_count", 0);
        all.put("view_count", 0L);
        ObjectNode shown = Json.object();
        fields.forEach(field -> shown.set(field, all.get(field)));
        return shown;
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
