package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.cli.CalendarCommand;
import dev.tiktokcalendar.cli.CommandContext;
import dev.tiktokcalendar.cli.ContextSubcommand;
import dev.tiktokcalendar.tiktok.auth.OAuthClient;
import dev.tiktokcalendar.tiktok.auth.Secret;
import dev.tiktokcalendar.tiktok.auth.StoredTokens;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** {@code accounts list|add|remove|rotate-key}: the connected TikTok accounts, from the command line. */
@Command(name = "accounts", description = "List, add, remove TikTok accounts; re-encrypt their tokens under a new key.",
        subcommands = {AccountsCommand.ListAccounts.class, AccountsCommand.Add.class, AccountsCommand.Remove.class,
                AccountsCommand.RotateKey.class})
public class AccountsCommand implements CalendarCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "list", description = "Print every account: workspace, username, open_id, status, token expiry, scopes.")
    static class ListAccounts extends ContextSubcommand {

        @Option(names = "--workspace", description = "only this workspace (slug)")
        String workspace;

        @Override
        protected int run(CommandContext beans, PrintWriter out, PrintWriter err) {
            List<Account> all = beans.bean(Accounts.class).all().stream()
                    .filter(a -> workspace == null || workspace.equals(a.workspaceSlug())).toList();
            out.printf("%-6s %-16s %-24s %-40s %-13s %-24s %s%n", "id", "workspace", "account", "open_id", "status",
                    "token expires (UTC)", "scopes");
            for (Account a : all) {
                out.printf("%-6d %-16s %-24s %-40s %-13s %-24s %s%n", a.id(), a.workspaceSlug(), a.label(), a.openId(),
                        a.status(), a.accessExpiresAt() == null ? "-" : a.accessExpiresAt(),
                        a.grantedScopes() == null ? "-" : a.grantedScopes());
            }
            out.printf("%d account(s)%n", all.size());
            return 0;
        }
    }

    @Command(name = "add", description = "Add an account from tokens obtained elsewhere; they are verified against user info first.")
    static class Add extends ContextSubcommand {

        @Option(names = "--open-id", required = true)
        String openId;

        @Option(names = "--access-token", required = true, description = "the access token (act.…)")
        String accessToken;

        @Option(names = "--refresh-token", required = true, description = "the refresh token (rft.…)")
        String refreshToken;

        @Option(names = "--expires-in", defaultValue = "86400", description = "seconds the access token is still valid (TikTok's expires_in)")
        long expiresIn;

        @Option(names = "--refresh-expires-in", defaultValue = "15552000", description = "seconds the refresh token is still valid")
        long refreshExpiresIn;

        @Option(names = "--scopes", description = "granted scopes, comma-separated, if known")
        String scopes;

        @Option(names = "--username")
        String username;

        @Option(names = "--timezone", description = "IANA zone of the account's calendar, e.g. Europe/Berlin")
        String timezone;

        @Option(names = "--workspace", defaultValue = "default", description = "workspace slug (created if missing)")
        String workspace;

        @Override
        protected int run(CommandContext beans, PrintWriter out, PrintWriter err) {
            if (timezone != null) {
                ZoneId.of(timezone);
            }
            Instant now = beans.bean(Clock.class).instant();
            TokenGrant grant = new TokenGrant(openId, Secret.of(accessToken), now.plusSeconds(expiresIn),
                    Secret.of(refreshToken), now.plusSeconds(refreshExpiresIn), scopes);
            Accounts.Workspace ws = beans.bean(Accounts.class).workspaceCreatedIfMissing(workspace, now);
            AccountConnector.Outcome outcome = beans.bean(AccountConnector.class).connect(ws, grant, timezone,
                    username == null ? null : username.replaceFirst("^@", ""));
            if (outcome instanceof AccountConnector.Connected c) {
                out.printf("%s account %d %s in workspace %s (%s); %d held post(s) released%n",
                        c.isNew() ? "Added" : "Updated", c.account().id(), c.account().label(), ws.slug(),
                        c.account().zoneId(), c.postsReleased());
                return 0;
            }
            if (outcome instanceof AccountConnector.OtherWorkspace o) {
                err.printf("open_id %s is already connected in workspace %s%n", openId, o.workspaceSlug());
                return 1;
            }
            AccountConnector.Unverified u = (AccountConnector.Unverified) outcome;
            err.printf("The tokens were not accepted by TikTok's user info: %s. Nothing was added.%n",
                    u.error() == null ? u.detail() : u.error().code() + " - " + u.error().userAction());
            return 1;
        }
    }

    @Command(name = "remove", description = "Disconnect an account: revoke its token at TikTok, forget the tokens, hold its future posts.")
    static class Remove extends ContextSubcommand {

        @Parameters(index = "0", description = "account id, @username or open_id")
        String account;

        @Option(names = "--keep-authorization", description = "do not revoke the token at TikTok")
        boolean keepAuthorization;

        @Override
        protected int run(CommandContext beans, PrintWriter out, PrintWriter err) {
            Accounts accounts = beans.bean(Accounts.class);
            Account found = accounts.find(account).orElse(null);
            if (found == null) {
                err.println("No account " + account);
                return 1;
            }
            if (!keepAuthorization) {
                StoredTokens tokens = beans.bean(TokenStore.class).load(found.id()).orElse(null);
                if (tokens != null) {
                    var revoked = beans.bean(OAuthClient.class).revoke(tokens.accessToken());
                    out.println(revoked.isOk() ? "Authorization revoked at TikTok."
                            : "TikTok did not revoke (" + revoked.error().code() + "); the tokens are forgotten anyway.");
                }
            }
            Instant now = beans.bean(Clock.class).instant();
            int held = beans.bean(AccountHolds.class).holdPosts(found.id(), "the TikTok account was removed");
            accounts.disconnect(found.id(), "removed with accounts remove", now);
            boolean deleted = accounts.deleteIfUnused(found.id());
            out.printf("Account %d %s %s; %d future post(s) held%n", found.id(), found.label(),
                    deleted ? "deleted" : "disconnected (its posts keep it)", held);
            return 0;
        }
    }

    @Command(name = "rotate-key", description = "Re-encrypt every account's tokens under calendar.encryption-key "
            + "(old keys in calendar.previous-encryption-keys).")
    static class RotateKey extends ContextSubcommand {

        @Override
        protected int run(CommandContext beans, PrintWriter out, PrintWriter err) {
            KeyRotation.Result result = beans.bean(KeyRotation.class).rotate();
            out.printf("Key %s: %d account(s) re-encrypted, %d already under it, %d changed meanwhile (already current)%n",
                    result.keyId(), result.reencrypted(), result.alreadyCurrent(), result.changedMeanwhile());
            if (!result.unreadable().isEmpty()) {
                err.printf("Accounts %s: none of the configured keys decrypts their tokens; add their old key to "
                        + "calendar.previous-encryption-keys and run rotate-key again, or connect them again%n", result.unreadable());
                return 1;
            }
            return 0;
        }
    }

}
