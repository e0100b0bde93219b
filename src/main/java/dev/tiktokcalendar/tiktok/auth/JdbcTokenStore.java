package dev.tiktokcalendar.tiktok.auth;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@link TokenStore} on table {@code tiktok_account}: tokens encrypted by a {@link TokenCipher} (context
 * {@code tiktok_account:<id>:access|refresh}), the lease in {@code refresh_lease_owner/until}. Instants are bound
 * as UTC text with milliseconds, because Connector/J drops the fraction of a bound LocalDateTime on MariaDB.
 */
public final class JdbcTokenStore implements TokenStore {

    private static final DateTimeFormatter SQL_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final TokenCipher cipher;

    public JdbcTokenStore(DataSource dataSource, TokenCipher cipher) {
        this.jdbc = JdbcClient.create(dataSource);
        this.cipher = cipher;
    }

    @Override
    public Optional<StoredTokens> load(long accountId) {
        return jdbc.sql("""
                        SELECT id, status, access_token_ciphertext, access_token_expires_at, refresh_token_ciphertext,
                               refresh_token_expires_at, token_version
                        FROM tiktok_account WHERE id = :id AND access_token_ciphertext IS NOT NULL""")
                .param("id", accountId).query(this::tokens).optional();
    }

    @Override
    public boolean tryLease(long accountId, String owner, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE tiktok_account SET refresh_lease_owner = :owner, refresh_lease_until = :until
                        WHERE id = :id AND (refresh_lease_owner IS NULL OR refresh_lease_until < :now)""")
                .param("owner", owner).param("until", sql(until)).param("id", accountId).param("now", sql(now))
                .update() == 1;
    }

    @Override
    public boolean commitRefresh(long accountId, String owner, long expectedVersion, TokenGrant grant, Instant now) {
        return jdbc.sql("""
                        UPDATE tiktok_account SET token_key_id = :keyId,
                               access_token_ciphertext = :access, access_token_expires_at = :accessExpires,
                               refresh_token_ciphertext = :refresh, refresh_token_expires_at = :refreshExpires,
                               granted_scopes = COALESCE(:scope, granted_scopes), token_version = token_version + 1,
                               refresh_lease_owner = NULL, refresh_lease_until = NULL, updated_at = :now
                        WHERE id = :id AND token_version = :version AND refresh_lease_owner = :owner""")
                .params(grantParams(accountId, grant, now, java.util.Map.of("version", expectedVersion, "owner", owner)))
                .update() == 1;
    }

    @Override
    public void releaseLease(long accountId, String owner) {
        jdbc.sql("UPDATE tiktok_account SET refresh_lease_owner = NULL, refresh_lease_until = NULL "
                        + "WHERE id = :id AND refresh_lease_owner = :owner")
                .param("id", accountId).param("owner", owner).update();
    }

    @Override
    public void markNeedsReauth(long accountId, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE tiktok_account SET status = 'NEEDS_REAUTH', status_reason = :reason, status_changed_at = :now,
                               refresh_lease_owner = NULL, refresh_lease_until = NULL, updated_at = :now
                        WHERE id = :id""")
                .param("reason", reason).param("now", sql(now)).param("id", accountId).update();
    }

    @Override
    public void save(long accountId, TokenGrant grant, Instant now) {
        jdbc.sql("""
                        UPDATE tiktok_account SET token_key_id = :keyId,
                               access_token_ciphertext = :access, access_token_expires_at = :accessExpires,
                               refresh_token_ciphertext = :refresh, refresh_token_expires_at = :refreshExpires,
                               granted_scopes = COALESCE(:scope, granted_scopes), token_version = token_version + 1,
                               status = 'ACTIVE', status_reason = NULL, status_changed_at = :now,
                               refresh_lease_owner = NULL, refresh_lease_until = NULL, updated_at = :now
                        WHERE id = :id""")
                .params(grantParams(accountId, grant, now, java.util.Map.of())).update();
    }

    /**
     * Re-encrypts the account's tokens under the cipher's current key (key rotation). The tokens themselves do not
     * change, so {@code token_version} stays; a refresh committed meanwhile wins (it wrote under the current key).
     *
     * @return true when the row was rewritten
     */
    public boolean reencrypt(long accountId, Instant now) {
        Optional<StoredTokens> stored = load(accountId);
        if (stored.isEmpty()) {
            return false;
        }
        StoredTokens tokens = stored.get();
        return jdbc.sql("""
                        UPDATE tiktok_account SET token_key_id = :keyId, access_token_ciphertext = :access,
                               refresh_token_ciphertext = :refresh, updated_at = :now
                        WHERE id = :id AND token_version = :version""")
                .param("keyId", cipher.keyId())
                .param("access", cipher.encrypt(tokens.accessToken().reveal(), context(accountId, "access")))
                .param("refresh", tokens.refreshToken() == null ? null
                        : cipher.encrypt(tokens.refreshToken().reveal(), context(accountId, "refresh")))
                .param("now", sql(now)).param("id", accountId).param("version", tokens.version())
                .update() == 1;
    }

    private java.util.Map<String, Object> grantParams(long accountId, TokenGrant grant, Instant now,
                                                      java.util.Map<String, Object> more) {
        java.util.Map<String, Object> params = new java.util.HashMap<>(more);
        params.put("keyId", cipher.keyId());
        params.put("access", cipher.encrypt(grant.accessToken().reveal(), context(accountId, "access")));
        params.put("accessExpires", sql(grant.accessExpiresAt()));
        params.put("refresh", cipher.encrypt(grant.refreshToken().reveal(), context(accountId, "refresh")));
        params.put("refreshExpires", sql(grant.refreshExpiresAt()));
        params.put("scope", grant.scope());
        params.put("now", sql(now));
        params.put("id", accountId);
        return params;
    }

    private StoredTokens tokens(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        byte[] refresh = rs.getBytes("refresh_token_ciphertext");
        return new StoredTokens(id, rs.getString("status"),
                Secret.of(cipher.decrypt(rs.getBytes("access_token_ciphertext"), context(id, "access"))),
                instant(rs, "access_token_expires_at"),
                refresh == null ? null : Secret.of(cipher.decrypt(refresh, context(id, "refresh"))),
                instant(rs, "refresh_token_expires_at"), rs.getLong("token_version"));
    }

    private static String context(long accountId, String column) {
        return "tiktok_account:" + accountId + ":" + column;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static String sql(Instant instant) {
        return instant == null ? null : SQL_UTC.format(instant);
    }
}
