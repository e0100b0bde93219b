package dev.tiktokcalendar.web.console;

import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.web.Browser;
import dev.tiktokcalendar.web.WebAppTest;
import dev.tiktokcalendar.web.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Console login on every page but TikTok's public ones, and workspace isolation. */
class ConsoleAccessTest extends WebAppTest {

    @Autowired
    PasswordEncoder encoder;

    @Test
    void everyConsolePageRequiresALoginWhileTikToksEndpointsStayReachable() {
        Accounts.Workspace ws = newWorkspace();
        Browser anonymous = new Browser(baseUrl());
        for (String page : List.of("/", "/console", "/console/workspaces/" + ws.slug() + "/accounts",
                "/console/workspaces/" + ws.slug() + "/posts", "/console/password", "/oauth/tiktok/callback?code=x&state=y",
                "/reports", "/reports/2026-11-25", "/anything/else", "/actuator/metrics")) {
            HttpResponse<String> answer = anonymous.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(Browser.location(answer)).as(page).endsWith("/login");
        }
        assertThat(anonymous.post("/console/workspaces/" + ws.slug() + "/accounts/connect", Map.of()).statusCode())
                .as("a POST without session or CSRF token").isIn(302, 403);

        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/media/not-a-token").statusCode()).as("public, but 404").isEqualTo(404);
        assertThat(anonymous.post("/webhooks/tiktok", Map.of()).statusCode()).as("public, but unsigned").isEqualTo(401);
    }

    @Test
    void anEditorOfOneWorkspaceGets404OnEverythingOfAnother() {
        Accounts.Workspace a = newWorkspace();
        Accounts.Workspace b = newWorkspace();
        long accountOfB = connect(b, "c18");
        long postOfB = fixtures().post(b.id(), accountOfB, "SCHEDULED", Instant.now().plusSeconds(86_400));
        Browser editorOfA = loggedIn(a, Role.EDITOR);
        String pageA = "/console/workspaces/" + a.slug() + "/accounts";
        String pageB = "/console/workspaces/" + b.slug() + "/accounts";

        assertThat(editorOfA.get(pageA).statusCode()).isEqualTo(200);
        assertThat(editorOfA.get("/console").body()).contains(a.slug()).doesNotContain(b.slug());
        assertThat(editorOfA.get(pageB).statusCode()).isEqualTo(404);
        assertThat(editorOfA.get("/console/workspaces/" + b.slug() + "/posts").statusCode()).isEqualTo(404);
        assertThat(editorOfA.submit(pageA, pageB + "/connect", Map.of()).statusCode()).isEqualTo(404);
        assertThat(editorOfA.submit(pageA, pageB + "/" + accountOfB + "/remove", Map.of()).statusCode()).isEqualTo(404);
        assertThat(editorOfA.submit(pageA, pageA + "/" + accountOfB + "/remove", Map.of()).statusCode())
                .as("B's account through A's URL").isEqualTo(404);
        assertThat(editorOfA.get("/console/workspaces/" + a.slug() + "/posts").body()).doesNotContain("@c18");

        assertThat(accounts.byId(accountOfB).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(fixtures().stateOf(postOfB)).isEqualTo("SCHEDULED");
        Browser editorOfB = loggedIn(b, Role.EDITOR);
        assertThat(editorOfB.get(pageB).body()).contains("@c18");
        assertThat(editorOfB.get("/console/workspaces/" + b.slug() + "/posts").body()).contains("@c18");
        assertThat(editorOfB.submit(pageB, pageB + "/" + accountOfB + "/remove", Map.of()).statusCode()).isEqualTo(303);
        assertThat(accounts.byId(accountOfB).orElseThrow().status()).as("its posts keep it").isEqualTo("DISCONNECTED");
        assertThat(fixtures().stateOf(postOfB)).isEqualTo("HELD");
        assertThat(jdbc.sql("SELECT access_token_ciphertext IS NULL FROM tiktok_account WHERE id = ?").param(accountOfB)
                .query(Boolean.class).single()).as("tokens forgotten").isTrue();
    }

    @Test
    void aViewerSeesButCannotConnectOrDisconnect() {
        Accounts.Workspace ws = newWorkspace();
        long account = connect(ws, "c19");
        Browser viewer = loggedIn(ws, Role.VIEWER);
        String page = "/console/workspaces/" + ws.slug() + "/accounts";

        HttpResponse<String> list = viewer.get(page);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("@c19").doesNotContain("Connect TikTok account");
        String csrf = Browser.csrf(viewer.get("/console/password").body());
        assertThat(viewer.post(page + "/connect", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(viewer.post(page + "/" + account + "/remove", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(accounts.byId(account).orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    void passwordsAreStoredAsDelegatingHashesAndTheDefaultRunCreatedAnAdmin() {
        String hash = jdbc.sql("SELECT password_hash FROM console_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(jdbc.sql("SELECT global_admin FROM console_user WHERE username = 'admin'").query(Boolean.class).single()).isTrue();
        String name = unique("pw");
        users.create(name, "correct horse battery", false);
        String stored = jdbc.sql("SELECT password_hash FROM console_user WHERE username = ?").param(name).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(encoder.matches("correct horse battery", stored)).isTrue();
        assertThat(new Browser(baseUrl()).post("/login", Map.of("username", name, "password", "wrong")).statusCode())
                .as("no CSRF token, wrong password: refused").isNotEqualTo(200);
    }

    @Test
    void aOneTimePasswordFromUsersAddMustBeReplacedBeforeAnyConsolePage() {
        Accounts.Workspace ws = newWorkspace();
        String name = unique("new");
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = dev.tiktokcalendar.cli.CalendarCli.execute(new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true), "users", "add", name, "--workspace", ws.slug(),
                "--role", "editor", "--spring.datasource.url=" + dev.tiktokcalendar.support.TestDatabase.sharedSchemaUrl(),
                "--spring.datasource.username=" + dev.tiktokcalendar.support.TestDatabase.username(),
                "--spring.datasource.password=" + dev.tiktokcalendar.support.TestDatabase.password(),
                "--calendar.simulator.embedded=false", "--tiktok.environment=simulator",
                "--calendar.encryption-key=" + KEY, "--calendar.encryption-key-file=");
        assertThat(exit).as(out.toString()).isZero();
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("one-time password: (\\S+)").matcher(out.toString());
        assertThat(password.find()).isTrue();
        assertThat(out.toString()).contains("is EDITOR of workspace " + ws.slug());

        Browser browser = new Browser(baseUrl()).login(name, password.group(1));
        String page = "/console/workspaces/" + ws.slug() + "/accounts";
        HttpResponse<String> blocked = browser.get(page);
        assertThat(blocked.statusCode()).isEqualTo(303);
        assertThat(Browser.location(blocked)).endsWith("/console/password");
        assertThat(browser.submit("/console/password", "/console/password", Map.of("password", "short")).statusCode()).isEqualTo(400);
        assertThat(browser.submit("/console/password", "/console/password", Map.of("password", "a much longer password")).statusCode())
                .isEqualTo(200);
        assertThat(browser.get(page).statusCode()).isEqualTo(200);
        assertThat(new Browser(baseUrl()).login(name, "a much longer password").get(page).statusCode()).isEqualTo(200);
    }
}
