package dev.tiktokcalendar.web.connect;

import dev.tiktokcalendar.accounts.AccountConnector;
import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.accounts.TikTokMode;
import dev.tiktokcalendar.tiktok.auth.OAuthClient;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.web.PublicUrls;
import dev.tiktokcalendar.web.console.Html;
import dev.tiktokcalendar.web.security.Role;
import dev.tiktokcalendar.web.security.WorkspaceAccess;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The OAuth connect flow (contract §1.1–1.3). "Connect TikTok account" sends the browser to TikTok's authorize URL
 * with {@code client_key}, the configured comma-separated {@code tiktok.scopes}, the exact redirect URI under the
 * public base URL, a random {@code state} kept in this session with the user and workspace, and optionally a hex
 * S256 PKCE challenge. The callback accepts only a {@code state} of this session (once, within 15 minutes, for
 * the same user, who must still be an editor of the workspace), exchanges the code and stores the account.
 * Denied consent, a scope the app may not ask for and a redirect URI mismatch each end on a page saying what to do.
 */
@RestController
public class ConnectController {

    static final String SESSION_KEY = ConnectController.class.getName() + ".pending";
    static final Duration STATE_LIFETIME = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(ConnectController.class);

    private final WorkspaceAccess access;
    private final OAuthClient oauth;
    private final AccountConnector connector;
    private final Accounts accounts;
    private final PublicUrls urls;
    private final TikTokMode mode;
    private final Clock clock;
    private final String scopes;
    private final boolean pkce;

    public ConnectController(WorkspaceAccess access, OAuthClient oauth, AccountConnector connector, Accounts accounts,
                             PublicUrls urls, TikTokMode mode, Clock clock,
                             @Value("${tiktok.scopes:user.info.basic,video.upload,video.publish}") String scopes,
                             @Value("${tiktok.pkce:false}") boolean pkce) {
        this.access = access;
        this.oauth = oauth;
        this.connector = connector;
        this.accounts = accounts;
        this.urls = urls;
        this.mode = mode;
        this.clock = clock;
        this.scopes = scopes.replace(" ", "");
        this.pkce = pkce;
    }

    @PostMapping("/console/workspaces/{slug}/accounts/connect")
    ResponseEntity<Void> start(@PathVariable String slug, Principal user, HttpSession session) {
        Accounts.Workspace ws = access.require(user, slug, Role.EDITOR);
        String state = Pkce.randomToken(32);
        String verifier = pkce ? Pkce.newVerifier() : null;
        pending(session).put(state, new PendingConnect(user.getName(), ws.id(), ws.slug(), verifier, clock.instant()));
        URI authorize = oauth.authorizeUrl(scopes, urls.redirectUri(), state, verifier == null ? null : Pkce.challenge(verifier));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(authorize).build();
    }

    @GetMapping(value = PublicUrls.CALLBACK_PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> callback(@RequestParam(required = false) String code,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) String error,
                                    @RequestParam(name = "error_description", required = false) String errorDescription,
                                    Principal user, HttpSession session) {
        PendingConnect pending = state == null ? null : pending(session).remove(state);
        if (pending == null || !pending.username().equals(user.getName())
                || pending.startedAt().plus(STATE_LIFETIME).isBefore(clock.instant())) {
            log.info("OAuth callback refused for {}: unknown, used, foreign or expired state", user.getName());
            return failure(user, null, "This connect request is not valid",
                    "The answer from TikTok does not belong to a connect request started in this browser session "
                            + "(it was already used, is older than 15 minutes, or was altered). Nothing was stored. "
                            + "Start again with <b>Connect TikTok account</b>.");
        }
        Accounts.Workspace ws = access.require(user, pending.workspaceSlug(), Role.EDITOR);
        if (error != null) {
            return authorizeError(user, ws, error, errorDescription);
        }
        if (code == null || code.isBlank()) {
            return failure(user, ws, "TikTok sent no authorization code", "Start again with <b>Connect TikTok account</b>.");
        }
        TikTokResult<TokenGrant> grant = oauth.exchangeCode(code, urls.redirectUri(), pending.codeVerifier());
        if (!grant.isOk()) {
            return exchangeError(user, ws, grant.error());
        }
        AccountConnector.Outcome outcome = connector.connect(ws, grant.orElseThrow(), null, null);
        if (outcome instanceof AccountConnector.Connected connected) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/console/workspaces/" + ws.slug() + "/accounts?connected=" + connected.account().id()))
                    .build();
        }
        if (outcome instanceof AccountConnector.OtherWorkspace other) {
            return failure(user, ws, "This TikTok account belongs to another workspace",
                    "It is connected in another workspace. Disconnect it there first, or ask an administrator.");
        }
        AccountConnector.Unverified unverified = (AccountConnector.Unverified) outcome;
        return failure(user, ws, "TikTok did not confirm the account",
                "Reading the account's profile failed (" + Html.e(unverified.error() == null ? unverified.detail()
                        : unverified.error().code()) + "). Nothing was stored; try connecting again.");
    }

    private ResponseEntity<String> authorizeError(Principal user, Accounts.Workspace ws, String error, String description) {
        switch (error) {
            case "access_denied":
                return failure(user, ws, "The connection was declined",
                        "Authorization was denied on TikTok's consent page, so no account was connected. To connect it, "
                                + "click <b>Connect TikTok account</b> again, log in to TikTok as that account and choose "
                                + "<b>Authorize</b>.");
            case "invalid_scope":
                return failure(user, ws, "TikTok refused a requested scope",
                        "The app asked for <code>" + Html.e(scopes) + "</code>, and TikTok refused at least one of them ("
                                + Html.e(description) + "). Scopes such as <code>video.publish</code>, "
                                + "<code>user.info.profile</code> or <code>video.list</code> must first be added to the app "
                                + "and, for some, approved by TikTok's app review. Remove the scope from "
                                + "<code>tiktok.scopes</code> until the app has it, or submit the app for review.");
            default:
                return failure(user, ws, "TikTok refused the connection",
                        "TikTok answered <code>" + Html.e(error) + "</code>: " + Html.e(description)
                                + ". Check the app's settings in the TikTok developer portal and try again.");
        }
    }

    private ResponseEntity<String> exchangeError(Principal user, Accounts.Workspace ws, TikTokError error) {
        String message = error.message() == null ? "" : error.message();
        if (message.toLowerCase(Locale.ROOT).contains("redirect")) {
            return failure(user, ws, "The redirect URI does not match",
                    "TikTok refused the code because the redirect URI differs from the one registered for the app. "
                            + "Register exactly <code>" + Html.e(urls.redirectUri()) + "</code> as a redirect URI of Login "
                            + "Kit in the TikTok developer portal (https, no query string), or set "
                            + "<code>calendar.public-base-url</code> to the address registered there, then connect again.");
        }
        return failure(user, ws, "TikTok refused the authorization code",
                "TikTok answered <code>" + Html.e(error.code()) + "</code>: " + Html.e(message) + ". "
                        + Html.e(error.userAction()) + " Start again with <b>Connect TikTok account</b>.");
    }

    private ResponseEntity<String> failure(Principal user, Accounts.Workspace ws, String title, String explanation) {
        String back = ws == null ? "<a href=\"/console\">Back to the workspaces</a>"
                : "<a href=\"/console/workspaces/" + Html.e(ws.slug()) + "/accounts\">Back to the accounts</a>";
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
                .body(Html.page(title, mode.label(), user.getName(), "<p class=\"failure\">" + explanation + "</p><p>" + back + "</p>"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PendingConnect> pending(HttpSession session) {
        synchronized (session) {
            Map<String, PendingConnect> map = (Map<String, PendingConnect>) session.getAttribute(SESSION_KEY);
            if (map == null) {
                map = java.util.Collections.synchronizedMap(new HashMap<>());
                session.setAttribute(SESSION_KEY, map);
            }
            return map;
        }
    }

}
