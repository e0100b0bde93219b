package dev.tiktokcalendar.web.security;

import dev.tiktokcalendar.accounts.Accounts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * A user's role in a workspace, read from the database on every request (a revoked membership takes effect at
 * once). A workspace the user has no role in answers 404, as if it did not exist; a role too weak for the action
 * answers 403. Global administrators are ADMIN everywhere.
 */
@Component
public class WorkspaceAccess {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    public WorkspaceAccess(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public Optional<Role> role(String username, long workspaceId) {
        return jdbc.sql("""
                        SELECT CASE WHEN u.global_admin THEN 'ADMIN' ELSE m.role END
                        FROM console_user u
                        LEFT JOIN console_membership m ON m.user_id = u.id AND m.workspace_id = :ws
                        WHERE u.username = :u AND u.enabled AND (u.global_admin OR m.role IS NOT NULL)""")
                .param("u", username).param("ws", workspaceId)
                .query((rs, row) -> Role.valueOf(rs.getString(1))).optional();
    }

    /** The workspace, if the user holds at least {@code needed} in it; else 404 (no role) or 403 (too weak). */
    public Accounts.Workspace require(Principal user, String slug, Role needed) {
        Accounts.Workspace workspace = accounts.workspace(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Role role = role(user.getName(), workspace.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!role.includes(needed)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this needs the " + needed + " role in " + slug);
        }
        return workspace;
    }

    /** The workspaces the user has a role in, with that role. */
    public List<Membership> memberships(String username) {
        return accounts.workspaces().stream()
                .flatMap(ws -> role(username, ws.id()).map(role -> new Membership(ws, role)).stream())
                .toList();
    }

    public record Membership(Accounts.Workspace workspace, Role role) {
    }
}
