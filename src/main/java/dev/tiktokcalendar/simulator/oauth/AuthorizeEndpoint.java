package dev.tiktokcalendar.simulator.oauth;

import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import org.springframework.web.util.HtmlUtils;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v2/auth/authorize/}: a real consent page on which a creator of the world is picked; "Authorize"
 * redirects to {@code redirect_uri} with {@code code}, {@code scopes} and {@code state}, "Deny" with
 * {@code error=access_denied}. Tests skip the page with the simulator-only parameter {@code sim_creator}
 * (a username or open_id). A bad client key or redirect URI gets an error page, never a redirect.
 */
public final class AuthorizeEndpoint {

    static final String CREATOR_PARAMETER = "sim_creator";

    private final World world;
    private final TokenStore tokens;
    private final RedirectUris redirectUris;

    public AuthorizeEndpoint(World world, TokenStore tokens) {
        this.world = world;
        this.tokens = tokens;
        this.redirectUris = new RedirectUris(world.app().redirectUris());
    }

    public SimResponse page(HttpCall call) {
        Map<String, String> request = call.queryParameters();
        Optional<SimResponse> refused = refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        String chosen = request.get(CREATOR_PARAMETER);
        if (chosen != null) {
            return decide(request, chosen, true);
        }
        return SimResponse.html(200, ConsentPage.render(world, request));
    }

    public SimResponse consent(HttpCall call) {
        Map<String, String> form = call.form();
        Optional<SimResponse> refused = refuse(form);
        return refused.orElseGet(() -> decide(form, form.get("creator"), "authorize".equals(form.get("decision"))));
    }

    private Optional<SimResponse> refuse(Map<String, String> request) {
        if (!world.app().clientKey().equals(request.get("client_key"))) {
            return Optional.of(SimResponse.html(400, ConsentPage.error("client_key is not valid.")));
        }
        if (!redirectUris.accepts(request.get("redirect_uri"))) {
            return Optional.of(SimResponse.html(400, ConsentPage.error("redirect_uri is not registered.")));
        }
        if (!"code".equals(request.get("response_type"))) {
            return Optional.of(redirectError(request, "unsupported_response_type", "response_type must be code."));
        }
        Set<String> scopes = Scopes.parse(request.get("scope"));
        if (scopes.isEmpty() || !Scopes.KNOWN.containsAll(scopes)) {
            return Optional.of(redirectError(request, "invalid_scope", "scope is empty or unknown."));
        }
        String challenge = request.get("code_challenge");
        if (challenge != null && !"S256".equals(request.get("code_challenge_method"))) {
            return Optional.of(redirectError(request, "invalid_request", "code_challenge_method must be S256."));
        }
        return Optional.empty();
    }

    private SimResponse decide(Map<String, String> request, String creatorName, boolean authorized) {
        if (!authorized) {
            return redirectError(request, "access_denied", "The user denied the request.");
        }
        Optional<WorldCreator> creator = creatorName == null ? Optional.empty() : world.creator(creatorName);
        if (creator.isEmpty()) {
            return SimResponse.html(400, ConsentPage.error("Pick a creator of the simulated world."));
        }
        Set<String> scopes = Scopes.parse(request.get("scope"));
        String code = tokens.newCode(creator.get().openId(), scopes, request.get("redirect_uri"),
                request.get("code_challenge"));
        return SimResponse.redirect(withParameters(request.get("redirect_uri"), Map.of(
                "code", code, "scopes", Scopes.format(scopes), "state", nullToEmpty(request.get("state")))));
    }

    private static SimResponse redirectError(Map<String, String> request, String error, String description) {
        return SimResponse.redirect(withParameters(request.get("redirect_uri"), Map.of(
                "error", error, "error_description", description, "state", nullToEmpty(request.get("state")))));
    }

    private static String withParameters(String uri, Map<String, String> parameters) {
        StringBuilder target = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (String name : new String[] {"code", "scopes", "error", "error_description", "state"}) {
            String value = parameters.get(name);
            if (value != null) {
                target.append(separator).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return target.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The consent page's HTML; every echoed value is escaped. */
    static final class ConsentPage {

        private static final String[] CARRIED = {"client_key", "scope", "redirect_uri", "state", "response_type",
                "code_challenge", "code_challenge_method"};

        private ConsentPage() {
        }

        static String render(World world, Map<String, String> request) {
            StringBuilder html = new StringBuilder("""
                    <!DOCTYPE html><html><head><meta charset="utf-8"><title>TikTok simulator — authorize</title></head>
                    <body><h1>TikTok simulator</h1>
                    <p>This is the local TikTok simulator, not TikTok. Posts made through it never reach TikTok.</p>
                    """);
            html.append("<p>The app <b>").append(escape(world.app().clientKey())).append("</b> asks for: <b>")
                    .append(escape(request.get("scope"))).append("</b></p>");
            html.append("<form method=\"post\" action=\"/v2/auth/authorize/consent/\">");
            for (String name : CARRIED) {
                if (request.get(name) != null) {
                    html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                            .append(escape(request.get(name))).append("\">");
                }
            }
            html.append("<fieldset><legend>Log in as</legend>");
            boolean first = true;
            for (WorldCreator creator : world.creators()) {
                html.append("<label><input type=\"radio\" name=\"creator\" value=\"").append(escape(creator.username()))
                        .append('"').append(first ? " checked" : "").append("> @").append(escape(creator.username()))
                        .append(" (").append(escape(creator.nickname())).append(creator.privateAccount() ? ", private" : "")
                        .append(")</label><br>");
                first = false;
            }
            html.append("""
                    </fieldset>
                    <button type="submit" name="decision" value="authorize">Authorize</button>
                    <button type="submit" name="decision" value="deny">Deny</button>
                    </form></body></html>
                    """);
            return html.toString();
        }

        static String error(String message) {
            return "<!DOCTYPE html><html><body><h1>TikTok simulator</h1><p>" + escape(message) + "</p></body></html>";
        }

        private static String escape(String value) {
            return value == null ? "" : HtmlUtils.htmlEscape(value);
        }
    }
}
