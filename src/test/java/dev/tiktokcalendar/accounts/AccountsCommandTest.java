package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.cli.CalendarCli;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.support.TestDatabase;
import dev.tiktokcalendar.web.WebAppTest;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code accounts add|list|remove} through the command line, each a one-shot context on the test schema. */
class AccountsCommandTest extends WebAppTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void addVerifiesTheTokensThenListShowsTheAccountAndRemoveRevokesAndForgetsIt() {
        String workspace = unique("cli");
        IssuedTokens issued = SIM.issueTokens("c0");

        assertThat(run("accounts", "add", "--open-id", issued.openId(), "--access-token", "act.wrong",
                "--refresh-token", "rft.wrong", "--workspace", workspace)).isEqualTo(1);
        assertThat(err.toString()).contains("not accepted").doesNotContain("rft.wrong");
        assertThat(accounts.byOpenId(issued.openId())).as("nothing added").isEmpty();

        assertThat(run("accounts", "add", "--open-id", issued.openId(), "--access-token", issued.accessToken(),
                "--refresh-token", issued.refreshToken(), "--expires-in", "7200", "--username", "@c0",
                "--timezone", "America/New_York", "--workspace", workspace)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Added account").contains("@c0").contains("America/New_York");
        Account account = accounts.byOpenId(issued.openId()).orElseThrow();
        assertThat(account.workspaceSlug()).isEqualTo(workspace);
        assertThat(account.accessExpiresAt()).isBefore(java.time.Instant.now().plusSeconds(7300));

        assertThat(run("accounts", "list", "--workspace", workspace)).isZero();
        assertThat(out.toString()).contains("@c0").contains(issued.openId()).contains("ACTIVE")
                .doesNotContain(issued.accessToken()).doesNotContain(issued.refreshToken());

        assertThat(run("accounts", "remove", "@c0")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Authorization revoked at TikTok").contains("deleted");
        assertThat(accounts.byOpenId(issued.openId())).isEmpty();
    }

    private int run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--spring.datasource.url=" + TestDatabase.sharedSchemaUrl(),
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--calendar.simulator.embedded=false", "--tiktok.environment=simulator",
                "--tiktok.api-base-url=" + SIM.baseUrl(), "--tiktok.auth-base-url=" + SIM.baseUrl(),
                "--tiktok.client-key=" + SIM.world().app().clientKey(),
                "--tiktok.client-secret=" + SIM.world().app().clientSecret(),
                "--calendar.encryption-key=" + KEY, "--calendar.encryption-key-file="));
        return CalendarCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }
}
