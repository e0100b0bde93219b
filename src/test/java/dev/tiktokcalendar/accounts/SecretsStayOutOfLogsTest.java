package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.simulator.webhook.WebhookSignature;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.auth.StoredTokens;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import dev.tiktokcalendar.web.Browser;
import dev.tiktokcalendar.web.WebAppTest;
import dev.tiktokcalendar.web.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With every log of the application at TRACE: connect an account over HTTP, refresh its tokens, receive a webhook,
 * then read the log — no token, client secret or encryption key may be in it, nor in the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest extends WebAppTest {

    @Autowired
    TokenStore tokenStore;
    @Autowired
    TokenRefresher refresher;
    @Autowired
    TikTokProperties settings;

    @Test
    void noTokenClientSecretOrKeyInTheLogOrTheDatabase(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("dev.tiktokcalendar", "org.springframework.web", "org.springframework.security",
                "org.springframework.jdbc");
        loggers.forEach(name -> logging.setLogLevel(name, LogLevel.TRACE));
        List<String> secrets = new ArrayList<>();
        try {
            Accounts.Workspace ws = newWorkspace();
            Browser browser = loggedIn(ws, Role.EDITOR);
            String page = "/console/workspaces/" + ws.slug() + "/accounts";
            String authorize = Browser.location(browser.submit(page, page + "/connect", Map.of()));
            String callback = Browser.location(browser.get(authorize + "&sim_creator=c9"));
            assertThat(browser.get(callback).statusCode()).isEqualTo(303);
            long account = accounts.inWorkspace(ws.id()).get(0).id();
            StoredTokens first = tokenStore.load(account).orElseThrow();

            jdbc.sql("UPDATE tiktok_account SET access_token_expires_at = ? WHERE id = ?")
                    .params(Accounts.utc(Instant.now().plusSeconds(60)), account).update();
            refresher.refreshDue();
            StoredTokens second = tokenStore.load(account).orElseThrow();
            assertThat(second.version()).isGreaterThan(first.version());

            String body = "{\"client_key\":\"" + settings.clientKey() + "\",\"event\":\"authorization.removed\",\"create_time\":"
                    + Instant.now().getEpochSecond() + ",\"user_openid\":\"" + accounts.byId(account).orElseThrow().openId()
                    + "\",\"content\":\"{\\\"reason\\\":1}\"}";
            HttpResponse<String> webhook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/webhooks/tiktok"))
                    .header("TikTok-Signature", WebhookSignature.header(settings.clientSecret(), Instant.now().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(webhook.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> "NEEDS_REAUTH".equals(accounts.byId(account).orElseThrow().status()));

            for (StoredTokens tokens : List.of(first, second)) {
                secrets.add(tokens.accessToken().reveal());
                secrets.add(tokens.refreshToken().reveal());
            }
            secrets.add(settings.clientSecret());
            secrets.add(KEY);
        } finally {
            loggers.forEach(name -> logging.setLogLevel(name, null));
        }

        String log = output.getAll();
        assertThat(log).as("the capture works").contains("connected to workspace").contains("authorization.removed");
        String dump = databaseDump();
        for (String secret : secrets) {
            assertThat(log).as("log").doesNotContain(secret);
            assertThat(dump).as("database").doesNotContain(secret);
        }
    }
}
