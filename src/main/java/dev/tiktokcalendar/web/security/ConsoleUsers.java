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
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO console_user (username, password_hash, global_admin, enabled, created_at, updated_at)
                        VALUES (:u, :hash, :admin, TRUE, :now, :now)""")
                .param("u", username).param("hash", encoder.encode(rawPassword)).param("admin", globalAdmin)
                .param("now", now).update(key);
        return key.getKey().longValue();
    }

    public void changePassword(String username, String rawPassword) {
        jdbc.sql("UPDATE console_user SET password_hash = :hash, updated_at = :now WHERE username = :u")
                .param("hash", encoder.encode(rawPassword)).param("u", username)
                .param("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    /** Gives the user {@code role} in the workspace (replacing any role they had there). */
    public void grant(long userId, long workspaceId, Role role) {
        jdbc.sql("""
                        INSERT INTO console_membership (user_id, workspace_id, role) VALUES (:u, :ws, :role)
                        ON DUPLICATE KEY UPDATE role = VALUES(role)""")
                .param("u", userId).param("ws", workspaceId).param("role", role.name()).update();
    }
}
