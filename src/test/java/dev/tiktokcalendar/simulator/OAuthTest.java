package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.oauth.Pkce;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthTest {

    private static final String REDIRECT = "https://calendar.example.com/oauth/tiktok/callback/";
    private static final String VERIFIER = "verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG";

    private final MutableClock clock = MutableClock.atFixedStart();
    private TikTokSimulator sim = start(SimulatorSettings.defaults());
    private SimulatorApi api = new SimulatorApi(sim);

    private TikTokSimulator start(SimulatorSettings settings) {
        return TikTokSimulator.builder()
                .world(World.of(WorldCreator.named("alice"), WorldCreator.named("bob").asPrivate()).withSettings(settings))
                .clock(clock).start();
    }

    private void restart(SimulatorSettings settings) {
        sim.close();
        sim = start(settings);
        api = new SimulatorApi(sim);
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private Map<String, String> authorizeParameters(String... extra) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>(Map.of(
                "client_key", sim.world().app().clientKey(), "scope", "user.info.basic,video.publish",
                "redirect_uri", REDIRECT, "state", "csrf-123", "response_type", "code"));
        for (int i = 0; i < extra.length; i += 2) {
            parameters.put(extra[i], extra[i + 1]);
        }
        return parameters;
    }

    private Map<String, String> callbackOf(Reply redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> parameters = new java.util.HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private Reply exchange(String code, String... extra) {
        return api.postForm("/v2/oauth/token/", api.clientForm(SimulatorApi.concat(
                new String[] {"code", code, "grant_type", "authorization_code", "redirect_uri", REDIRECT}, extra)));
    }

    @Test
    void consentPageListsTheCreatorsAndPostsTheChoiceBack() {
        Reply page = api.get("/v2/auth/authorize/?" + SimulatorApi.query(authorizeParameters()), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("@alice", "@bob", "Authorize", "not TikTok", "csrf-123");

        Reply consent = api.postForm("/v2/auth/authorize/consent/", Map.of(
                "client_key", sim.world().app().clientKey(), "scope", "user.info.basic,video.publish",
                "redirect_uri", REDIRECT, "state", "csrf-123", "response_type", "code",
                "creator", "bob", "decision", "authorize"));
        Map<String, String> callback = callbackOf(consent);
        assertThat(callback).containsEntry("state", "csrf-123").containsEntry("scopes", "user.info.basic,video.publish");

        Reply tokens = exchange(callback.get("code"));
        assertThat(tokens.json().path("open_id").asString()).isEqualTo(sim.world().creator("bob").orElseThrow().openId());
    }

    @Test
    void denyRedirectsWithAccessDenied() {
        Reply consent = api.postForm("/v2/auth/authorize/consent/", Map.of(
                "client_key", sim.world().app().clientKey(), "scope", "video.publish", "redirect_uri", REDIRECT,
                "state", "s", "response_type", "code", "creator", "alice", "decision", "deny"));

        assertThat(callbackOf(consent)).containsEntry("error", "access_denied").containsEntry("state", "s");
    }

    @Test
    void authorizeRefusesUnknownClientAndBadParameters() {
        Reply unknownClient = api.get("/v2/auth/authorize/?" + SimulatorApi.query(
                authorizeParameters("client_key", "nope")), null);
        assertThat(unknownClient.status()).isEqualTo(400);

        Reply badResponseType = api.get("/v2/auth/authorize/?" + SimulatorApi.query(
                authorizeParameters("response_type", "token")), null);
        assertThat(callbackOf(badResponseType)).containsEntry("error", "unsupported_response_type");

        Reply badScope = api.get("/v2/auth/authorize/?" + SimulatorApi.query(
                authorizeParameters("scope", "video.delete")), null);
        assertThat(callbackOf(badScope)).containsEntry("error", "invalid_scope");
    }

    @Test
    void authorizationCodeFlowIssuesTokensOnce() {
        Reply redirect = api.get("/v2/auth/authorize/?" + SimulatorApi.query(
                authorizeParameters("sim_creator", "alice")), null);
        String code = callbackOf(redirect).get("code");

        Reply tokens = exchange(code);

        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.json().path("access_token").asString()).startsWith("act.");
        assertThat(tokens.json().path("refresh_token").asString()).startsWith("rft.");
        assertThat(tokens.json().path("expires_in").asLong()).isEqualTo(86_400);
        assertThat(tokens.json().path("refresh_expires_in").asLong()).isEqualTo(31_536_000);
        assertThat(tokens.json().path("scope").asString()).isEqualTo("user.info.basic,video.publish");
        assertThat(tokens.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.json().has("error")).isFalse();

        Reply reused = exchange(code);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(reused.json().path("log_id").asString()).isNotBlank();
    }

    @Test
    void codeExpiresAndIsBoundToTheRedirectUri() {
        String code = sim.authorizationCode("alice", REDIRECT, Set.of("video.publish"), null);
        Reply mismatch = exchange(code, "redirect_uri", REDIRECT + "other/");
        assertThat(mismatch.json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(mismatch.json().path("error_description").asString()).contains("Redirect_uri is not matched");

        String late = sim.authorizationCode("alice", REDIRECT, Set.of("video.publish"), null);
        clock.advance(Duration.ofMinutes(11));
        assertThat(exchange(late).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void pkceNeedsTheHexSha256OfTheVerifier() {
        String challenge = Pkce.hexChallenge(VERIFIER);
        assertThat(challenge).matches("[0-9a-f]{64}");
        Map<String, String> callback = callbackOf(api.get("/v2/auth/authorize/?" + SimulatorApi.query(authorizeParameters(
                "sim_creator", "alice", "code_challenge", challenge, "code_challenge_method", "S256")), null));

        Reply wrong = exchange(callback.get("code"), "code_verifier", VERIFIER + "x");
        assertThat(wrong.json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(wrong.json().path("error_description").asString()).isEqualTo("Code verifier or code challenge is invalid.");

        String again = sim.authorizationCode("alice", REDIRECT, Set.of("video.publish"), challenge);
        assertThat(exchange(again, "code_verifier", VERIFIER).json().path("access_token").asString()).startsWith("act.");

        String missing = sim.authorizationCode("alice", REDIRECT, Set.of("video.publish"), challenge);
        assertThat(exchange(missing).json().path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void tokenEndpointRejectsBadClientsGrantTypesAndContentType() {
        Reply badSecret = api.postForm("/v2/oauth/token/", Map.of("client_key", sim.world().app().clientKey(),
                "client_secret", "wrong", "grant_type", "refresh_token", "refresh_token", "x"));
        assertThat(badSecret.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(badSecret.body()).doesNotContain(sim.world().app().clientSecret());

        Reply badGrant = api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "password"));
        assertThat(badGrant.json().path("error").asString()).isEqualTo("unsupported_grant_type");

        Reply json = api.postJson("/v2/oauth/token/", null, "{}");
        assertThat(json.json().path("error").asString()).isEqualTo("invalid_request");

        Reply clientCredentials = api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "client_credentials"));
        assertThat(clientCredentials.json().path("access_token").asString()).startsWith("clt.");
        assertThat(clientCredentials.json().path("expires_in").asLong()).isEqualTo(7200);
        String clientToken = clientCredentials.json().path("access_token").asString();
        assertThat(api.postJson("/v2/post/publish/creator_info/query/", clientToken, "{}").code())
                .isEqualTo("access_token_invalid");
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenIsRejected() {
        var issued = sim.issueTokens("alice");

        Reply refreshed = api.postForm("/v2/oauth/token/", api.clientForm(
                "grant_type", "refresh_token", "refresh_token", issued.refreshToken()));
        String newRefresh = refreshed.json().path("refresh_token").asString();
        String newAccess = refreshed.json().path("access_token").asString();

        assertThat(newRefresh).isNotEqualTo(issued.refreshToken()).startsWith("rft.");
        assertThat(newAccess).isNotEqualTo(issued.accessToken());
        Reply old = api.postForm("/v2/oauth/token/", api.clientForm(
                "grant_type", "refresh_token", "refresh_token", issued.refreshToken()));
        assertThat(old.json().path("error").asString()).isEqualTo("invalid_grant");
        Reply next = api.postForm("/v2/oauth/token/", api.clientForm(
                "grant_type", "refresh_token", "refresh_token", newRefresh));
        assertThat(next.json().path("access_token").asString()).startsWith("act.");
        assertThat(api.get("/v2/user/info/?fields=open_id", newAccess).code()).isEqualTo("ok");
    }

    private Reply refresh(String refreshToken) {
        return api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    @Test
    void withinTheGracePeriodARotatedRefreshTokenGetsThePairItsRotationIssued() {
        restart(SimulatorSettings.builder().refreshTokenGracePeriod(Duration.ofSeconds(30)).build());
        var issued = sim.issueTokens("alice");
        Reply rotated = refresh(issued.refreshToken());
        clock.advance(Duration.ofSeconds(10));

        Reply replayed = refresh(issued.refreshToken());

        assertThat(replayed.json().path("refresh_token").asString()).isEqualTo(rotated.json().path("refresh_token").asString());
        assertThat(replayed.json().path("access_token").asString()).isEqualTo(rotated.json().path("access_token").asString());
        assertThat(replayed.json().path("expires_in").asLong()).isEqualTo(86_400 - 10);
        assertThat(replayed.json().path("refresh_expires_in").asLong()).isEqualTo(31_536_000 - 10);
        assertThat(api.get("/v2/user/info/?fields=open_id", replayed.json().path("access_token").asString()).code()).isEqualTo("ok");

        clock.advance(Duration.ofSeconds(20));
        assertThat(refresh(issued.refreshToken()).json().path("error").asString()).as("after the grace").isEqualTo("invalid_grant");
    }

    @Test
    void theGraceEndsOnceTheRotatedPairIsUsed() {
        restart(SimulatorSettings.builder().refreshTokenGracePeriod(Duration.ofSeconds(30)).build());
        var issued = sim.issueTokens("alice");
        String successor = refresh(issued.refreshToken()).json().path("refresh_token").asString();

        Reply next = refresh(successor);

        assertThat(next.json().path("refresh_token").asString()).isNotEqualTo(successor);
        assertThat(refresh(issued.refreshToken()).json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(refresh(successor).json().path("refresh_token").asString()).as("its own grace")
                .isEqualTo(next.json().path("refresh_token").asString());
    }

    @Test
    void codesCanBeExchangedAgainUntilTheyExpireWhenNotSingleUse() {
        restart(SimulatorSettings.builder().singleUseAuthorizationCodes(false).build());
        String code = sim.authorizationCode("alice", REDIRECT, Set.of("video.publish"), null);

        String first = exchange(code).json().path("access_token").asString();
        String second = exchange(code).json().path("access_token").asString();

        assertThat(first).startsWith("act.");
        assertThat(second).startsWith("act.").isNotEqualTo(first);
        clock.advance(Duration.ofMinutes(10));
        assertThat(exchange(code).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshCanFailWithInvalidGrantAsObservedForSandboxApps() {
        restart(SimulatorSettings.builder().sandboxRefreshFails(true).build());
        var issued = sim.issueTokens("alice");

        Reply refreshed = refresh(issued.refreshToken());

        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(api.get("/v2/user/info/?fields=open_id", issued.accessToken()).code()).as("the access token lives on").isEqualTo("ok");
    }

    @Test
    void legacyModeKeepsTheRefreshToken() {
        restart(SimulatorSettings.builder().rotateRefreshTokens(false).build());
        var issued = sim.issueTokens("alice");

        Reply refreshed = api.postForm("/v2/oauth/token/", api.clientForm(
                "grant_type", "refresh_token", "refresh_token", issued.refreshToken()));

        assertThat(refreshed.json().path("refresh_token").asString()).isEqualTo(issued.refreshToken());
    }

    @Test
    void timeScaleShortensTokenLifetimesAndExpiresInSaysSo() {
        restart(SimulatorSettings.builder().timeScale(60).build());

        var issued = sim.issueTokens("alice");

        assertThat(issued.expiresIn()).isEqualTo(86_400 / 60);
        assertThat(issued.refreshExpiresIn()).isEqualTo(31_536_000 / 60);
        clock.advance(Duration.ofSeconds(86_400 / 60));
        assertThat(api.get("/v2/user/info/?fields=open_id", issued.accessToken()).code()).isEqualTo("access_token_invalid");
    }

    @Test
    void accessTokensExpireAfterTheirLifetime() {
        String token = api.token("alice");
        clock.advance(Duration.ofHours(23));
        assertThat(api.get("/v2/user/info/?fields=open_id", token).code()).isEqualTo("ok");

        clock.advance(Duration.ofHours(1));

        Reply expired = api.get("/v2/user/info/?fields=open_id", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("access_token_invalid");
    }

    @Test
    void revokeAnswersEmptyObjectAndKillsAccessAndRefreshTokens() {
        var issued = sim.issueTokens("alice");

        Reply revoked = api.postForm("/v2/oauth/revoke/", api.clientForm("token", issued.accessToken()));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).isEqualTo("{}");
        assertThat(api.get("/v2/user/info/?fields=open_id", issued.accessToken()).code()).isEqualTo("access_token_invalid");
        assertThat(api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "refresh_token",
                "refresh_token", issued.refreshToken())).json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(api.postForm("/v2/oauth/revoke/", api.clientForm("token", issued.accessToken()))
                .json().path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void oauthErrorsCanComeWithHttp200() {
        restart(SimulatorSettings.builder().errorsWithHttp200(true).build());

        Reply reply = api.postForm("/v2/oauth/token/", api.clientForm("grant_type", "refresh_token", "refresh_token", "x"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_grant");
    }
}
