package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.scheduling.LaunchCondition;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.auth.AccessToken;
import dev.tiktokcalendar.tiktok.auth.AccessTokens;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The work of {@code refreshTokensJob}: refreshes every ACTIVE account whose access token expires within
 * {@code tiktok.tokens.refresh-ahead} (the expiry comes from TikTok's {@code expires_in}, never a fixed 24 h),
 * through {@link AccessTokens} — one refresh at a time per account across nodes, the rotated refresh token
 * committed first. An account TikTok refuses ({@code invalid_grant}) is marked NEEDS_REAUTH and its future posts
 * are held; so are the posts of any other account that cannot post.
 */
public class TokenRefresher implements LaunchCondition {

    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

    private final JdbcClient jdbc;
    private final AccessTokens tokens;
    private final AccountHolds holds;
    private final Clock clock;
    private final Duration refreshAhead;

    public TokenRefresher(JdbcClient jdbc, AccessTokens tokens, AccountHolds holds, Clock clock,
                          TikTokProperties.Tokens settings) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.holds = holds;
        this.clock = clock;
        this.refreshAhead = settings.refreshAhead();
    }

    /** What one run did. */
    public record Result(int refreshed, int failed, int needReauth, int postsHeld) {
    }

    @Override
    public String jobName() {
        return RefreshTokensJobConfiguration.JOB_NAME;
    }

    @Override
    public boolean workPending() {
        return !dueAccounts().isEmpty() || !holds.accountsWithPostsToHold().isEmpty();
    }

    public Result refreshDue() {
        int refreshed = 0;
        int failed = 0;
        int needReauth = 0;
        int held = 0;
        for (long account : dueAccounts()) {
            TikTokResult<AccessToken> result = tokens.fromStore(account);
            if (result.isOk()) {
                refreshed++;
            } else if (result.error().errorClass() == ErrorClass.REAUTHORIZE) {
                needReauth++;
            } else {
                failed++;
                log.warn("TikTok account {}: token refresh failed ({}); tried again at the next run", account,
                        result.error().code());
            }
        }
        for (long account : holds.accountsWithPostsToHold()) {
            held += holds.holdPosts(account, "the TikTok account must be connected again");
        }
        return new Result(refreshed, failed, needReauth, held);
    }

    List<Long> dueAccounts() {
        return jdbc.sql("""
                        SELECT id FROM tiktok_account
                        WHERE status = 'ACTIVE' AND access_token_ciphertext IS NOT NULL AND access_token_expires_at <= :horizon
                        ORDER BY access_token_expires_at""")
                .param("horizon", Accounts.utc(clock.instant().plus(refreshAhead))).query(Long.class).list();
    }
}
