package dev.tiktokcalendar.web.console;

import dev.tiktokcalendar.accounts.Account;
import dev.tiktokcalendar.accounts.AccountHolds;
import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.accounts.TikTokMode;
import dev.tiktokcalendar.web.security.ConsoleUsers;
import dev.tiktokcalendar.web.security.Role;
import dev.tiktokcalendar.web.security.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;

/**
 * The console pages of a workspace: its accounts (connect, remove) and its posts. Every handler first asks
 * {@link WorkspaceAccess} for the user's role in the workspace of the URL, and every account or post it touches
 * is looked up within that workspace, so another workspace's ids answer 404.
 */
@RestController
public class ConsoleController {

    private final WorkspaceAccess access;
    private final Accounts accounts;
    private final AccountHolds holds;
    private final ConsoleUsers users;
    private final TikTokMode mode;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ConsoleController(WorkspaceAccess access, Accounts accounts, AccountHolds holds, ConsoleUsers users,
                             TikTokMode mode, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.accounts = accounts;
        this.holds = holds;
        this.users = users;
        this.mode = mode;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/")
    ResponseEntity<Void> root() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/console")).build();
    }

    @GetMapping(value = "/console", produces = MediaType.TEXT_HTML_VALUE)
    String workspaces(Principal user) {
        StringBuilder body = new StringBuilder("<ul>");
        for (WorkspaceAccess.Membership m : access.memberships(user.getName())) {
            String slug = Html.e(m.workspace().slug());
            body.append("<li>").append(Html.e(m.workspace().name())).append(" (").append(m.role()).append(") — ")
                    .append("<a href=\"/console/workspaces/").append(slug).append("/accounts\">accounts</a> · ")
                    .append("<a href=\"/console/workspaces/").append(slug).append("/posts\">posts</a></li>");
        }
        body.append("</ul><p><a href=\"/console/password\">change password</a> · <a href=\"/logout\">log out</a></p>");
        return Html.page("Workspaces", mode.label(), user.getName(), body.toString());
    }

    @GetMapping(value = "/console/workspaces/{slug}/accounts", produces = MediaType.TEXT_HTML_VALUE)
    String accounts(@PathVariable String slug, Principal user, HttpServletRequest request) {
        Accounts.Workspace ws = access.require(user, slug, Role.VIEWER);
        boolean editor = access.role(user.getName(), ws.id()).map(r -> r.includes(Role.EDITOR)).orElse(false);
        StringBuilder body = new StringBuilder("<table><tr><th>account</th><th>name</th><th>status</th>"
                + "<th>token valid until (UTC)</th><th>scopes</th><th>zone</th><th></th></tr>");
        for (Account a : accounts.inWorkspace(ws.id())) {
            body.append("<tr class=\"account\"><td>").append(Html.e(a.label())).append("</td><td>").append(Html.e(a.displayName()))
                    .append("</td><td>").append(Html.e(a.status())).append(a.statusReason() == null ? "" : " — " + Html.e(a.statusReason()))
                    .append("</td><td>").append(Html.e(a.accessExpiresAt())).append("</td><td>").append(Html.e(a.grantedScopes()))
                    .append("</td><td>").append(Html.e(a.zoneId())).append("</td><td>");
            if (editor) {
                body.append("<form method=\"post\" action=\"/console/workspaces/").append(Html.e(slug)).append("/accounts/")
                        .append(a.id()).append("/remove\">").append(Html.csrf(request))
                        .append("<button>Disconnect</button></form>");
            }
            body.append("</td></tr>");
        }
        body.append("</table>");
        if (editor) {
            body.append("<form id=\"connect\" method=\"post\" action=\"/console/workspaces/").append(Html.e(slug))
                    .append("/accounts/connect\">").append(Html.csrf(request))
                    .append("<button>Connect TikTok account</button></form>")
                    .append("<p>Accounts that must be connected again: connect them the same way; their held posts go out afterwards.</p>");
        }
        return Html.page("Accounts of " + ws.name(), mode.label(), user.getName(), body.toString());
    }

    @PostMapping("/console/workspaces/{slug}/accounts/{id}/remove")
    ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable long id, Principal user) {
        Accounts.Workspace ws = access.require(user, slug, Role.EDITOR);
        Account account = accounts.byId(id).filter(a -> a.workspaceId() == ws.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        holds.holdPosts(account.id(), "the TikTok account was disconnected in the console");
        accounts.disconnect(account.id(), "disconnected by " + user.getName(), clock.instant());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/console/workspaces/" + slug + "/accounts")).build();
    }

    @GetMapping(value = "/console/workspaces/{slug}/posts", produces = MediaType.TEXT_HTML_VALUE)
    String posts(@PathVariable String slug, Principal user) {
        Accounts.Workspace ws = access.require(user, slug, Role.VIEWER);
        List<String> rows = jdbc.sql("""
                        SELECT p.id, a.username, p.state, p.publish_at, p.tiktok_url FROM post p
                        JOIN tiktok_account a ON a.id = p.account_id
                        WHERE p.workspace_id = :ws ORDER BY p.publish_at DESC, p.id DESC LIMIT 500""")
                .param("ws", ws.id())
                .query((rs, row) -> "<tr class=\"post\"><td>" + rs.getLong(1) + "</td><td>@" + Html.e(rs.getString(2))
                        + "</td><td>" + Html.e(rs.getString(3)) + "</td><td>" + Html.e(rs.getString(4)) + "</td><td>"
                        + Html.e(rs.getString(5)) + "</td></tr>").list();
        return Html.page("Posts of " + ws.name(), mode.label(), user.getName(),
                "<table><tr><th>id</th><th>account</th><th>state</th><th>publish at (UTC)</th><th>URL</th></tr>"
                        + String.join("", rows) + "</table>");
    }

    @GetMapping(value = "/console/password", produces = MediaType.TEXT_HTML_VALUE)
    String passwordForm(Principal user, HttpServletRequest request) {
        return Html.page("Change password", mode.label(), user.getName(), "<form method=\"post\">" + Html.csrf(request)
                + "<label>New password (12 characters or more) <input type=\"password\" name=\"password\"></label>"
                + "<button>Change</button></form>");
    }

    @PostMapping(value = "/console/password", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> changePassword(@RequestParam String password, Principal user) {
        if (password.length() < 12) {
            return ResponseEntity.badRequest().body(Html.page("Change password", mode.label(), user.getName(),
                    "<p>The password needs 12 characters or more.</p>"));
        }
        users.changePassword(user.getName(), password);
        return ResponseEntity.ok(Html.page("Password changed", mode.label(), user.getName(), "<p>Done.</p>"));
    }
}
