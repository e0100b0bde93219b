package dev.tiktokcalendar.web.connect;

import dev.tiktokcalendar.accounts.Account;
import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.web.Browser;
import dev.tiktokcalendar.web.WebAppTest;
import dev.tiktokcalendar.web.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth connect flow over real HTTP: console → simulator's consent page → callback → stored account. */
class ConnectFlowTest extends WebAppTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Test
    void theWholeConnectFlowStoresTheAccountWithItsProfileScopesAndCreatorInfo() {
        Accounts.Workspace ws = newWorkspace();
        Browser browser = loggedIn(ws, Role.EDITOR);
        String accountsPage = "/console/workspaces/" + ws.slug() + "/accounts";

        HttpResponse<String> start = browser.submit(accountsPage, accountsPage + "/connect", Map.of());
        assertThat(start.statusCode()).isEqualTo(303);
        URI authorize = URI.create(Browser.location(start));
        Map<String, String> query = query(authorize);
        assertThat(authorize.toString()).startsWith(SIM.baseUrl() + "/v2/auth/authorize/");
        assertThat(query).containsEntry("client_key", SIM.world().app().clientKey())
                .containsEntry("scope", "user.info.basic,user.info.profile,video.upload,video.publish")
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", baseUrl() + "/oauth/tiktok/callback")
                .containsEntry("code_challenge_method", "S256");
        assertThat(query.get("code_challenge")).as("hex SHA-256").matches("[0-9a-f]{64}");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(40);

        // the consent page, as a person sees it: pick the creator, press Authorize
        HttpResponse<String> consentPage = browser.get(authorize.toString());
        assertThat(consentPage.statusCode()).isEqualTo(200);
        Map<String, String> form = hiddenFields(consentPage.body());
        form.put("creator", "c10");
        form.put("decision", "authorize");
        HttpResponse<String> consented = browser.post(SIM.baseUrl() + "/v2/auth/authorize/consent/", form);
        assertThat(consented.statusCode()).isEqualTo(302);
        String callback = Browser.location(consented);
        assertThat(callback).startsWith(baseUrl() + "/oauth/tiktok/callback?code=");

        HttpResponse<String> done = browser.get(callback);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(Browser.location(done)).contains(accountsPage + "?connected=");
        List<Account> connected = accounts.inWorkspace(ws.id());
        assertThat(connected).hasSize(1);
        Account account = connected.get(0);
        assertThat(account.username()).isEqualTo("c10");
        assertThat(account.openId()).isEqualTo(SIM.world().creator("c10").orElseThrow().openId());
        assertThat(account.grantedScopes()).contains("video.publish", "video.upload");
        assertThat(account.privacyLevelOptions()).contains("SELF_ONLY");
        assertThat(account.status()).isEqualTo("ACTIVE");
        assertThat(browser.get(accountsPage).body()).contains("@c10").contains("TikTok mode: simulator");

        assertThat(browser.get(callback).statusCode()).as("a state is used once").isEqualTo(400);
    }

    @Test
    void deniedConsentEndsOnAPageThatSaysWhatToDo() {
        Flow flow = startFlow();
        Map<String, String> form = hiddenFields(flow.browser.get(flow.authorize).body());
        form.put("creator", "c11");
        form.put("decision", "deny");
        String callback = Browser.location(flow.browser.post(SIM.baseUrl() + "/v2/auth/authorize/consent/", form));
        assertThat(callback).contains("error=access_denied");

        HttpResponse<String> page = flow.browser.get(callback);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("The connection was declined").contains("Authorize");
        assertThat(accounts.inWorkspace(flow.workspace.id())).isEmpty();
    }

    @Test
    void aScopeTheAppMayNotAskForEndsOnAPageAboutAppReview() {
        Flow flow = startFlow();
        String withReviewScope = UriComponentsBuilder.fromUriString(flow.authorize)
                .replaceQueryParam("scope", "user.info.basic,video.publish,research.data.basic")
                .queryParam("sim_creator", "c11").build().toUriString();
        String callback = Browser.location(flow.browser.get(withReviewScope));
        assertThat(callback).contains("error=invalid_scope");

        HttpResponse<String> page = flow.browser.get(callback);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("TikTok refused a requested scope").contains("tiktok.scopes").contains("review");
    }

    @Test
    void aRedirectUriMismatchEndsOnAPageNamingTheUriToRegister() {
        Flow flow = startFlow();
        String state = query(URI.create(flow.authorize)).get("state");
        String challenge = query(URI.create(flow.authorize)).get("code_challenge");
        String code = SIM.authorizationCode("c11", "https://elsewhere.example/callback",
                Set.of("user.info.basic", "video.publish"), challenge);

        HttpResponse<String> page = flow.browser.get("/oauth/tiktok/callback?code=" + code + "&state=" + state);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("The redirect URI does not match").contains(baseUrl() + "/oauth/tiktok/callback");
    }

    @Test
    void theCodeExchangeSendsTheVerifierOfThisFlowSoACodeBoundToAnotherChallengeIsRefused() {
        Flow flow = startFlow();
        String state = query(URI.create(flow.authorize)).get("state");
        String otherChallenge = Pkce.challenge(Pkce.newVerifier());
        String code = SIM.authorizationCode("c12", baseUrl() + "/oauth/tiktok/callback", Set.of("user.info.basic"), otherChallenge);

        HttpResponse<String> page = flow.browser.get("/oauth/tiktok/callback?code=" + code + "&state=" + state);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Code verifier or code challenge is invalid");
        assertThat(accounts.byOpenId(SIM.world().creator("c12").orElseThrow().openId())).isEmpty();
        assertThat(Pkce.challenge("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aTamperedOrForeignStateIsRefusedAndNothingIsStored() {
        Flow flow = startFlow();
        String callback = Browser.location(flow.browser.get(flow.authorize + "&sim_creator=c13"));
        String state = query(URI.create(callback)).get("state");

        HttpResponse<String> tampered = flow.browser.get(callback.replace("state=" + state, "state=" + state.substring(1) + "x"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("This connect request is not valid");

        Browser otherUser = loggedIn(flow.workspace, Role.EDITOR);
        assertThat(otherUser.get(callback).statusCode()).as("another session's state").isEqualTo(400);
        assertThat(accounts.byOpenId(SIM.world().creator("c13").orElseThrow().openId())).isEmpty();

        assertThat(flow.browser.get(callback).statusCode()).as("the untouched answer still works once").isEqualTo(303);
    }

    private record Flow(Accounts.Workspace workspace, Browser browser, String authorize) {
    }

    private Flow startFlow() {
        Accounts.Workspace ws = newWorkspace();
        Browser browser = loggedIn(ws, Role.EDITOR);
        String accountsPage = "/console/workspaces/" + ws.slug() + "/accounts";
        return new Flow(ws, browser, Browser.location(browser.submit(accountsPage, accountsPage + "/connect", Map.of())));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach((k, v) ->
                values.put(k, java.net.URLDecoder.decode(v.get(0), StandardCharsets.UTF_8)));
        return values;
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        return fields;
    }
}
