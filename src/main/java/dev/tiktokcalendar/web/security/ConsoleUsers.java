package dev.tiktokcalendar.web.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The console's users ({@code console_user}), their hashed passwords and their roles per workspace. */
@Service
public class ConsoleUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public ConsoleUsers(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, enabled, global_admin FROM console_user WHERE username = :u")
                .param("u", username)
                .query((rs, row) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .disabled(!rs.getBoolean(3)).roles(rs.getBoolean(4) ? "GLOBAL_ADMIN" : "USER").build())
                .optional().orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public boolean anyUser() {
        return jdbc.sql("SELECT COUNT(*) FROM console_user").query(Long.class).single() > 0;
    }

    /** Creates a user; the password is stored only as its hash. */
    public long create(String username, String rawPassword, boolean globalAdmin) {
        return create(username, rawPassword, globalAdmin, false);
    }

    /** Creates a user whose password is {@code oneTime}: they must choose their own at the first login. */
    public long create(String username, String rawPassword, boolean globalAdmin, boolean oneTime) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO console_user (username, password_hash, global_admin, password_change_required, enabled,
                                                  created_at, updated_at)
                        VALUES (:u, :hash, :admin, :oneTime, TRUE, :now, :now)""")
                .param("u", username).param("hash", encoder.encode(rawPassword)).param("admin", globalAdmin)
                .param("oneTime", oneTime)
                .param("now", now).update(key);
        return key.getKey().longValue();
    }

    public void changePassword(String username, String rawPassword) {
        jdbc.sql("""
                        UPDATE console_user SET password_hash = :hash, password_change_required = FALSE, updated_at = :now
                        WHERE username = :u""")
                .param("hash", encoder.encode(rawPassword)).param("u", username)
                .param("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    public boolean passwordChangeRequired(String username) {
        return jdbc.sql("SELECT password_change_required FROM console_user WHERE username = :u").param("u", username)
                .query(Boolean.class).optional().orElse(false);
    }

    public java.util.Optional<Long> idOf(String username) {
        return jdbc.sql("SELECT id FROM console_user WHERE username = :u").param("u", username).query(Long.class).optional();
    }

    /** Every user with their global flag and roles, for the {@code users} command. */
    public java.util.List<String> describeAll() {
        return jdbc.sql("""
                        SELECT u.username, u.global_admin, u.enabled,
                               GROUP_CONCAT(CONCAT(w.slug, ':', m.role) ORDER BY w.slug SEPARATOR ' ')
                        FROM console_user u LEFT JOIN console_membership m ON m.user_id = u.id
                        LEFT JOIN workspace w ON w.id = m.workspace_id
                        GROUP BY u.id, u.username, u.global_admin, u.enabled ORDER BY u.username""")
                .query((rs, row) -> String.format("%-24s %-13s %-8s %s", rs.getString(1),
                        rs.getBoolean(2) ? "global admin" : "-", rs.getBoolean(3) ? "enabled" : "disabled",
                        rs.getString(4) == null ? "" : rs.getString(4)))
                .list();
    }

    /** Gives the user {@code role} in the workspace (replacing any role they had there). */
    public void grant(long userId, long workspaceId, Role role) {
        jdbc.sql("""
                        INSERT INTO console_membership (user_id, workspace_id, role) VALUES (:u, :ws, :role)
                        ON DUPLICATE KEY UPDATE role = VALUES(role)""")
                .param("u", userId).param("ws", workspaceId).param("role", role.name()).update();
    }
}
