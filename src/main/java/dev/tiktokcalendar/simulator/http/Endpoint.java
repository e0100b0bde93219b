package dev.tiktokcalendar.simulator.http;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The simulated endpoints: their exact paths (trailing slash included) and HTTP methods. */
public enum Endpoint {
    AUTHORIZE("GET", "/v2/auth/authorize/"),
    AUTHORIZE_CONSENT("POST", "/v2/auth/authorize/consent/"),
    OAUTH_TOKEN("POST", "/v2/oauth/token/"),
    OAUTH_REVOKE("POST", "/v2/oauth/revoke/"),
    USER_INFO("GET", "/v2/user/info/"),
    CREATOR_INFO("POST", "/v2/post/publish/creator_info/query/"),
    VIDEO_INIT("POST", "/v2/post/publish/video/init/"),
    INBOX_VIDEO_INIT("POST", "/v2/post/publish/inbox/video/init/"),
    CONTENT_INIT("POST", "/v2/post/publish/content/init/"),
    UPLOAD("PUT", "/video/"),
    STATUS_FETCH("POST", "/v2/post/publish/status/fetch/"),
    CANCEL("POST", "/v2/post/publish/cancel/"),
    VIDEO_LIST("POST", "/v2/video/list/"),
    VIDEO_QUERY("POST", "/v2/video/query/");

    private static final Map<String, Endpoint> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Endpoint::path, Function.identity()));

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean isInit() {
        return this == VIDEO_INIT || this == INBOX_VIDEO_INIT || this == CONTENT_INIT;
    }

    public boolean isDisplay() {
        return this == USER_INFO || this == VIDEO_LIST || this == VIDEO_QUERY;
    }

    public boolean isOAuth() {
        return this == OAUTH_TOKEN || this == OAUTH_REVOKE;
    }

    public static Endpoint forPath(String path) {
        return BY_PATH.get(path);
    }
}
