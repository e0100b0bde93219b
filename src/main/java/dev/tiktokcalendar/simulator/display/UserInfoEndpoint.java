package dev.tiktokcalendar.simulator.display;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.http.Responses;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.oauth.Grant;
import dev.tiktokcalendar.simulator.oauth.RequestGate;
import dev.tiktokcalendar.simulator.oauth.Scopes;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.MissingFieldScope;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /v2/user/info/?fields=…}: {@code fields} is required; each field needs its scope (§1.9).
 * A field without its scope is {@code scope_permission_missed} (400) or, by setting, silently left out.
 */
public final class UserInfoEndpoint {

    private static final Map<String, String> SCOPE_OF_FIELD = Map.ofEntries(
            Map.entry("open_id", Scopes.USER_INFO_BASIC), Map.entry("union_id", Scopes.USER_INFO_BASIC),
            Map.entry("avatar_url", Scopes.USER_INFO_BASIC), Map.entry("avatar_url_100", Scopes.USER_INFO_BASIC),
            Map.entry("avatar_large_url", Scopes.USER_INFO_BASIC), Map.entry("display_name", Scopes.USER_INFO_BASIC),
            Map.entry("bio_description", Scopes.USER_INFO_PROFILE), Map.entry("profile_deep_link", Scopes.USER_INFO_PROFILE),
            Map.entry("is_verified", Scopes.USER_INFO_PROFILE), Map.entry("username", Scopes.USER_INFO_PROFILE),
            Map.entry("follower_count", Scopes.USER_INFO_STATS), Map.entry("following_count", Scopes.USER_INFO_STATS),
            Map.entry("likes_count", Scopes.USER_INFO_STATS), Map.entry("video_count", Scopes.USER_INFO_STATS));

    private final World world;
    private final RequestGate gate;
    private final PublicVideos videos;
    private final Responses responses;

    public UserInfoEndpoint(World world, RequestGate gate, PublicVideos videos, Responses responses) {
        this.world = world;
        this.gate = gate;
        this.videos = videos;
        this.responses = responses;
    }

    public SimResponse userInfo(HttpCall call) {
        Grant grant = gate.admit(call);
        String raw = call.query("fields");
        if (raw == null || raw.isBlank()) {
            throw new ApiException(400, "invalid_params", "fields is required.");
        }
        Set<String> fields = Arrays.stream(raw.split(",")).map(String::trim).collect(Collectors.toSet());
        if (!SCOPE_OF_FIELD.keySet().containsAll(fields)) {
            throw new ApiException(400, "invalid_params", "fields contains an unknown field.");
        }
        boolean omitUnscoped = world.settings().missingFieldScope() == MissingFieldScope.OMIT;
        WorldCreator creator = world.creator(grant.creatorOpenId()).orElseThrow(ApiException::accessTokenInvalid);
        ObjectNode all = everything(creator);
        ObjectNode user = Json.object();
        for (String field : fields) {
            if (!grant.scopes().contains(SCOPE_OF_FIELD.get(field))) {
                if (omitUnscoped) {
                    continue;
                }
                throw new ApiException(400, "scope_permission_missed",
                        "The field " + field + " needs the scope " + SCOPE_OF_FIELD.get(field) + ".");
            }
            user.set(field, all.get(field));
        }
        ObjectNode data = Json.object();
        data.set("user", user);
        return responses.ok(data);
    }

    private ObjectNode everything(WorldCreator creator) {
        ObjectNode user = Json.object();
        user.put("open_id", creator.openId());
        user.put("union_id", creator.unionId());
        user.put("avatar_url", creator.avatarUrl());
        user.put("avatar_url_100", creator.avatarUrl());
        user.put("avatar_large_url", creator.avatarUrl());
        user.put("display_name", creator.nickname());
        user.put("bio_description", creator.bioDescription());
        user.put("profile_deep_link", "https://vm.tiktok.com/sim-" + creator.username() + "/");
        user.put("is_verified", creator.verified());
        user.put("username", creator.username());
        user.put("follower_count", creator.followerCount());
        user.put("following_count", creator.followingCount());
        user.put("likes_count", creator.likesCount());
        user.put("video_count", (long) videos.newestFirst(creator.openId()).size());
        return user;
    }
}
