package dev.tiktokcalendar.simulator.oauth;

import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.http.OAuthException;
import dev.tiktokcalendar.simulator.http.Responses;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.limit.RateLimits;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.PkceEncoding;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * {@code POST /v2/oauth/token/} (form-encoded): {@code authorization_code} (single-use code, same redirect URI,
 * hex-S256 PKCE when a challenge was sent), {@code refresh_token} (rotating), {@code client_credentials}.
 * Also {@code POST /v2/oauth/revoke/}, which answers {@code {}} and kills the token's grant.
 */
public final class TokenEndpoint {

    private final WorldApp app;
    private final PkceEncoding pkceEncoding;
    private final TokenStore tokens;
    private final RateLimits rateLimits;
    private final Responses responses;

    public TokenEndpoint(World world, TokenStore tokens, RateLimits rateLimits, Responses responses) {
        this.app = world.app();
        this.pkceEncoding = world.settings().pkceEncoding();
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.responses = responses;
    }

    public SimResponse token(HttpCall call) {
        Map<String, String> form = clientForm(call);
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new OAuthException("invalid_request", "grant_type is required.");
        }
        return switch (grantType) {
            case "authorization_code" -> responses.oauthOk(exchangeCode(form));
            case "refresh_token" -> {
                if (form.get("refresh_token") == null) {
                    throw new OAuthException("invalid_request", "refresh_token is required.");
                }
                yield responses.oauthOk(tokens.refresh(form.get("refresh_token")));
            }
            case "client_credentials" -> {
                ObjectNode body = Json.object();
                body.put("access_token", tokens.clientCredentialsToken());
                body.put("expires_in", 7200);
                body.put("token_type", "Bearer");
                yield responses.oauthOk(body);
            }
            default -> throw new OAuthException("unsupported_grant_type", "grant_type is not supported.");
        };
    }

    public SimResponse revoke(HttpCall call) {
        Map<String, String> form = clientForm(call);
        if (form.get("token") == null) {
            throw new OAuthException("invalid_request", "token is required.");
        }
        if (!tokens.revokeAccessToken(form.get("token"))) {
            throw new OAuthException("invalid_request", "The token is invalid or already revoked.");
        }
        return responses.oauthOk(Json.object());
    }

    private IssuedTokens exchangeCode(Map<String, String> form) {
        if (form.get("code") == null || form.get("redirect_uri") == null) {
            throw new OAuthException("invalid_request", "code and redirect_uri are required.");
        }
        AuthorizationCode code = tokens.redeem(form.get("code"))
                .orElseThrow(() -> new OAuthException("invalid_grant", "Authorization code is expired or invalid."));
        if (!code.clientKey().equals(form.get("client_key"))) {
            throw new OAuthException("invalid_grant", "Authorization code was issued to another client.");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw new OAuthException("invalid_request", "Redirect_uri is not matched with the uri when requesting code.");
        }
        if (code.codeChallenge() != null && !Pkce.verifies(form.get("code_verifier"), code.codeChallenge(), pkceEncoding)) {
            throw new OAuthException("invalid_request", "Code verifier or code challenge is invalid.");
        }
        return tokens.issue(code.creatorOpenId(), code.scopes());
    }

    private Map<String, String> clientForm(HttpCall call) {
        String type = call.header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthException("invalid_request", "Content-Type must be application/x-www-form-urlencoded.");
        }
        Map<String, String> form = call.form();
        if (!app.clientKey().equals(form.get("client_key")) || !app.clientSecret().equals(form.get("client_secret"))) {
            throw new OAuthException("invalid_client", "Client key or secret is invalid.");
        }
        rateLimits.checkOAuth(call, app.clientKey());
        return form;
    }
}
