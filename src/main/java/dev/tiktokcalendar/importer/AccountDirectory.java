package dev.tiktokcalendar.importer;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The connected TikTok accounts of one workspace, loaded once per import, looked up by username (with or
 * without {@code @}, any case) or open_id.
 */
public final class AccountDirectory {

    /** What the import checks need of an account. {@code privacyOptions} is empty when never fetched. */
    public record Account(long id, String openId, String username, ZoneId zone, String status,
                          Set<String> privacyOptions, Boolean commentDisabled, Boolean duetDisabled,
                          Boolean stitchDisabled) {

        public String shownName() {
            return username != null ? "@" + username : openId;
        }
    }

    private final Map<String, Account> byKey;

    private AccountDirectory(Map<String, Account> byKey) {
        this.byKey = byKey;
    }

    /** A directory of the given accounts (tests, dry checks without a database). */
    public static AccountDirectory of(Iterable<Account> accounts) {
        Map<String, Account> byKey = new HashMap<>();
        accounts.forEach(account -> index(byKey, account));
        return new AccountDirectory(byKey);
    }

    private static void index(Map<String, Account> byKey, Account account) {
        byKey.put("id:" + account.openId(), account);
        if (account.username() != null) {
            byKey.put("u:" + account.username().toLowerCase(Locale.ROOT), account);
        }
    }

    public static AccountDirectory load(JdbcClient jdbc, long workspaceId) {
        Map<String, Account> byKey = new HashMap<>();
        jdbc.sql("""
                        SELECT id, open_id, username, zone_id, status, privacy_level_options,
                               comment_disabled, duet_disabled, stitch_disabled
                        FROM tiktok_account WHERE workspace_id = ?""")
                .param(workspaceId)
                .query((rs, n) -> new Account(rs.getLong("id"), rs.getString("open_id"), rs.getString("username"),
                        zoneOrUtc(rs.getString("zone_id")), rs.getString("status"), options(rs.getString("privacy_level_options")),
                        (Boolean) rs.getObject("comment_disabled", Boolean.class),
                        (Boolean) rs.getObject("duet_disabled", Boolean.class),
                        (Boolean) rs.getObject("stitch_disabled", Boolean.class)))
                .list()
                .forEach(account -> index(byKey, account));
        return new AccountDirectory(byKey);
    }

    /** The account named by a cell: a username (a leading @ is optional) or an open_id; null when unknown. */
    public Account find(String name) {
        String trimmed = name.trim();
        Account byOpenId = byKey.get("id:" + trimmed);
        if (byOpenId != null) {
            return byOpenId;
        }
        String username = trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
        return byKey.get("u:" + username.toLowerCase(Locale.ROOT));
    }

    private static ZoneId zoneOrUtc(String zone) {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** privacy_level_options as stored from creator_info: a JSON array or a comma list; either way the words. */
    static Set<String> options(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split("[^A-Z_]+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
