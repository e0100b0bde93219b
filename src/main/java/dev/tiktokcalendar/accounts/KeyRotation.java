package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.tiktok.auth.JdbcTokenStore;
import dev.tiktokcalendar.tiktok.auth.TokenCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * {@code accounts rotate-key}: re-encrypts every account's tokens under the current key
 * ({@code calendar.encryption-key}), reading them with the current or a previous key
 * ({@code calendar.previous-encryption-keys}). Rows are rewritten one by one, each guarded by its token version,
 * so nodes keep refreshing and posting meanwhile; a row refreshed during the run is already under the current key.
 */
@Component
public class KeyRotation {

    private final JdbcClient jdbc;
    private final JdbcTokenStore store;
    private final TokenCipher cipher;
    private final Clock clock;

    public KeyRotation(JdbcClient jdbc, DataSource dataSource, TokenCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.store = new JdbcTokenStore(dataSource, cipher);
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * @param unreadable rows none of the configured keys decrypts (their key is missing from
     *                   {@code calendar.previous-encryption-keys}); they are left as they are
     */
    public record Result(String keyId, int reencrypted, int alreadyCurrent, int changedMeanwhile, List<Long> unreadable) {
    }

    public Result rotate() {
        String keyId = cipher.keyId();
        List<Long> stale = jdbc.sql("""
                        SELECT id FROM tiktok_account WHERE access_token_ciphertext IS NOT NULL
                        AND (token_key_id IS NULL OR token_key_id <> :keyId) ORDER BY id""")
                .param("keyId", keyId).query(Long.class).list();
        int current = jdbc.sql("SELECT COUNT(*) FROM tiktok_account WHERE access_token_ciphertext IS NOT NULL AND token_key_id = :keyId")
                .param("keyId", keyId).query(Integer.class).single();
        int done = 0;
        List<Long> unreadable = new java.util.ArrayList<>();
        for (long account : stale) {
            try {
                if (store.reencrypt(account, clock.instant())) {
                    done++;
                }
            } catch (IllegalStateException noKeyDecryptsIt) {
                unreadable.add(account);
            }
        }
        return new Result(keyId, done, current, stale.size() - done - unreadable.size(), List.copyOf(unreadable));
    }
}
