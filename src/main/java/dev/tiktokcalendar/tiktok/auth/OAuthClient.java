package dev.tiktokcalendar.tiktok.auth;

import dev.tiktokcalendar.tiktok.SafeRetry;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.api.TikTokJson;
import dev.tiktokcalendar.tiktok.error.CallKind;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.http.HttpAnswer;
import dev.tiktokcalendar.tiktok.http.OutgoingRequest;
import dev.tiktokcalendar.tiktok.http.TikTokHttp;
import dev.tiktokcalendar.tiktok.http.TransportFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * TikTok Login Kit OAuth v2 (contract §1): the authorize URL, code exchange, refresh and revoke. Answers are the
 * flat OAuth shape; success means an {@code access_token} and no {@code error}, whatever the HTTP status. Refresh
 * and revoke are repeated on {@code server_error}, {@code temporarily_unavailable}, 5xx or no answer; a code
 * exchange never is (codes are single-use). Secrets travel only in form bodies, which are never logged.
 */
public final class OAuthClient {

    public static final String TOKEN_PATH = "/v2/oauth/token/";
    public static final String REVOKE_PATH = "/v2/oauth/revoke/";
    private static final Logger log = LoggerFactory.getLogger(OAuthClient.class);

    private final TikTokHttp http;
    private final TikTokProperties settings;
    private final ErrorCatalog catalog;
    private final Clock clock;
    private final SafeRetry retry;

    public OAuthClient(TikTokHttp http, TikTokProperties settings, ErrorCatalog catalog, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.catalog = catalog;
        this.clock = clock;
        this.retry = new SafeRetry("tiktok-oauth", settings.retry().maxAttempts(), settings.retry());
    }

    /** The consent page URL (contract §1.1); {@code codeChallenge} (hex SHA-256, §1.2) may be null. */
    public URI authorizeUrl(String scopes, String redirectUri, String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_key", settings.clientKey());
        query.put("scope", scopes);
        query.put("response_type", "code");
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        if (codeChallenge != null) {
            query.put("code_challenge", codeChallenge);
            query.put("code_challenge_method", "S256");
        }
        return settings.authBaseUrl().resolve("/v2/auth/authorize/?" + form(query));
    }

    public TikTokResult<TokenGrant> exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = credentials();
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return tokenCall(form);
    }

    public TikTokResult<TokenGrant> refresh(Secret refreshToken) {
        Map<String, String> form = credentials();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        return retry.run(() -> tokenCall(form));
    }

    /** Revokes the user's access token; success is an empty body or {@code {}}. */
    public TikTokResult<Void> revoke(Secret accessToken) {
        Map<String, String> form = credentials();
        form.put("token", accessToken.reveal());
        return retry.run(() -> post(REVOKE_PATH, form, (answer, body) -> TikTokResult.ok(null, TikTokJson.text(body, "log_id"))));
    }

    private TikTokResult<TokenGrant> tokenCall(Map<String, String> form) {
        return post(TOKEN_PATH, form, (answer, body) -> {
            if (!body.path("access_token").isString()) {
                return TikTokResult.failed(catalog.httpError(answer.status(), TOKEN_PATH, CallKind.OAUTH, "no access_token in the answer"));
            }
            Instant now = clock.instant();
            String refresh = TikTokJson.text(body, "refresh_token");
            return TikTokResult.ok(new TokenGrant(TikTokJson.text(body, "open_id"),
                    Secret.of(body.path("access_token").asString()), now.plusSeconds(body.path("expires_in").asLong(0)),
                    refresh == null ? null : Secret.of(refresh), now.plusSeconds(body.path("refresh_expires_in").asLong(0)),
                    TikTokJson.text(body, "scope")), TikTokJson.text(body, "log_id"));
        });
    }

    private interface Success<T> {
        TikTokResult<T> read(HttpAnswer answer, JsonNode body);
    }

    private <T> TikTokResult<T> post(String path, Map<String, String> form, Success<T> success) {
        OutgoingRequest request = OutgoingRequest.to("POST", settings.apiBaseUrl().resolve(path), settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cache-Control", "no-cache")
                .body(form(form).getBytes(StandardCharsets.UTF_8))
                .build();
        HttpAnswer answer;
        try {
            answer = http.send(request);
        } catch (TransportFailure failure) {
            log.debug("TikTok {} failed: no answer ({})", path, failure.getMessage());
            return TikTokResult.failed(catalog.transportError(path, CallKind.OAUTH, failure.requestSent(), failure.getMessage()));
        }
        JsonNode body = parse(answer.body());
        if (body != null && body.path("error").isString() && !body.path("error").asString().isEmpty()) {
            log.debug("TikTok {} -> HTTP {} error {} log_id {}", path, answer.status(), body.path("error").asString(),
                    TikTokJson.text(body, "log_id"));
            return TikTokResult.failed(catalog.oauthError(body.path("error").asString(),
                    TikTokJson.text(body, "error_description"), TikTokJson.text(body, "log_id"), answer.status(), path));
        }
        if (answer.status() >= 300 || body == null) {
            return TikTokResult.failed(catalog.httpError(answer.status(), path, CallKind.OAUTH, "unexpected answer"));
        }
        log.debug("TikTok {} -> HTTP {} ok", path, answer.status());
        return success.read(answer, body);
    }

    private Map<String, String> credentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_key", settings.clientKey());
        form.put("client_secret", settings.clientSecret());
        return form;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return TikTokJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = TikTokJson.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
