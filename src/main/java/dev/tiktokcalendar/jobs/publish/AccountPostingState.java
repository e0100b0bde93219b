package dev.tiktokcalendar.jobs.publish;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.tiktok.api.CreatorInfo;
import dev.tiktokcalendar.tiktok.auth.AccessTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the calendar knows of an account's ability to post: creator settings last seen, and its status. */
@Repository
public class AccountPostingState {

    // an answer equal to the one this node last wrote is not written again within this time (one statement a post)
    private static final Duration REWRITE_UNCHANGED_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AccessTokens tokens;
    private final Cache<Long, Written> lastWritten = Caffeine.newBuilder().maximumSize(100_000).build();

    public AccountPostingState(JdbcClient jdbc, AccessTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** Keeps the creator's current settings (and username) that {@code creator_info} just reported. */
    public void rememberCreatorInfo(long accountId, CreatorInfo info, Instant at) {
        Written last = lastWritten.getIfPresent(accountId);
        if (last != null && last.info().equals(info) && at.isBefore(last.at().plus(REWRITE_UNCHANGED_AFTER))) {
            return;
        }
        jdbc.sql("""
                        UPDATE tiktok_account SET username = COALESCE(?, username), privacy_level_options = ?,
                               comment_disabled = ?, duet_disabled = ?, stitch_disabled = ?,
                               max_video_post_duration_sec = ?, creator_info_fetched_at = ?, updated_at = ?
                        WHERE id = ?""")
                .params(info.creatorUsername(), String.join(",", info.privacyLevelOptions()), info.commentDisabled(),
                        info.duetDisabled(), info.stitchDisabled(), info.maxVideoPostDurationSec(),
                        SqlTime.utc(at), SqlTime.utc(at), accountId)
                .update();
        lastWritten.put(accountId, new Written(info, at));
    }

    /** The settings last reported by {@code creator_info}, for inbox drafts that do not query it. */
    public Optional<CreatorConstraints> lastKnown(long accountId) {
        return jdbc.sql("""
                        SELECT privacy_level_options, comment_disabled, duet_disabled, stitch_disabled,
                               max_video_post_duration_sec
                        FROM tiktok_account WHERE id = ? AND creator_info_fetched_at IS NOT NULL""")
                .param(accountId)
                .query((rs, row) -> new CreatorConstraints(options(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getInt(5)))
                .optional();
    }

    /** Marks the account as unable to post (re-authorisation, ban...), with the reason users read. */
    public void markAccount(long accountId, String status, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE tiktok_account SET status = ?, status_reason = ?, status_changed_at = ?, updated_at = ?
                        WHERE id = ? AND status <> ?""")
                .params(status, reason, SqlTime.utc(at),
                        SqlTime.utc(at), accountId, status)
                .update();
        tokens.forget(accountId);
    }

    static CreatorConstraints constraints(CreatorInfo info) {
        return new CreatorConstraints(info.privacyLevelOptions(), info.commentDisabled(), info.duetDisabled(),
                info.stitchDisabled(), info.maxVideoPostDurationSec());
    }

    private record Written(CreatorInfo info, Instant at) {
    }

    private static List<String> options(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
