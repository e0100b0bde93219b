package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.CreatorInfo;
import dev.tiktokcalendar.tiktok.api.UserInfo;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores a granted account — from the OAuth callback or from {@code accounts add} — in a workspace: creates or
 * updates the row, stores the tokens encrypted, verifies them against user info (the open_id must match), reads
 * the creator info (privacy options, max duration), and releases the posts held while the account was
 * disconnected. An open_id already connected in another workspace is refused.
 */
@Service
public class AccountConnector {

    private static final Logger log = LoggerFactory.getLogger(AccountConnector.class);

    private final Accounts accounts;
    private final TokenStore tokens;
    private final TikTokClient tiktok;
    private final AccountHolds holds;
    private final Clock clock;

    public AccountConnector(Accounts accounts, TokenStore tokens, TikTokClient tiktok, AccountHolds holds, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.tiktok = tiktok;
        this.holds = holds;
        this.clock = clock;
    }

    /** What connecting did, or why it could not. */
    public sealed interface Outcome {
    }

    public record Connected(Account account, boolean isNew, int postsReleased) implements Outcome {
    }

    public record OtherWorkspace(String workspaceSlug) implements Outcome {
    }

    public record Unverified(TikTokError error, String detail) implements Outcome {
    }

    /**
     * @param zoneId   the account's time zone; null keeps the current one (the workspace's default for a new account)
     * @param username a username to show until TikTok's is known (accounts add); may be null
     */
    public Outcome connect(Accounts.Workspace workspace, TokenGrant grant, String zoneId, String username) {
        Instant now = clock.instant();
        Optional<Account> existing = accounts.byOpenId(grant.openId());
        if (existing.isPresent() && existing.get().workspaceId() != workspace.id()) {
            return new OtherWorkspace(existing.get().workspaceSlug());
        }
        long id = existing.map(Account::id).orElseGet(() -> accounts.insert(workspace.id(), grant.openId(), username,
                zoneId == null ? workspace.defaultZone() : zoneId, now));
        tokens.save(id, grant, now);
        TikTokResult<UserInfo> user = tiktok.userInfo(id, userFields(grant.scope()));
        String problem = user.isOk() && !grant.openId().equals(user.orElseThrow().openId())
                ? "user info answered for another open_id" : null;
        if (!user.isOk() || problem != null) {
            if (existing.isEmpty()) {
                accounts.deleteIfUnused(id);
            } else {
                tokens.markNeedsReauth(id, "the new tokens could not be verified", now);
            }
            return new Unverified(user.isOk() ? null : user.error(), problem);
        }
        UserInfo info = user.orElseThrow();
        accounts.updateProfile(id, info.username(), info.displayName(), info.avatarUrl(),
                existing.isPresent() ? zoneId : null, now);
        TikTokResult<CreatorInfo> creator = tiktok.creatorInfo(id);
        if (creator.isOk()) {
            CreatorInfo c = creator.orElseThrow();
            accounts.updateCreatorInfo(id, String.join(",", c.privacyLevelOptions()), c.commentDisabled(),
                    c.duetDisabled(), c.stitchDisabled(), c.maxVideoPostDurationSec(), now);
            if (info.username() == null) {
                accounts.updateProfile(id, c.creatorUsername(), null, null, null, now);
            }
        } else {
            log.info("TikTok account {}: creator info not read ({}); posting settings are read before each post", id,
                    creator.error().code());
        }
        int released = holds.releasePosts(id, "account connected again");
        Account account = accounts.byId(id).orElseThrow();
        log.info("TikTok account {} ({}) connected to workspace {}; scopes {}", id, account.label(), workspace.slug(),
                account.grantedScopes());
        return new Connected(account, existing.isEmpty(), released);
    }

    /** The user info fields the granted scopes allow (contract §1.9, §2); unknown scopes ask only the basic ones. */
    static List<String> userFields(String grantedScopes) {
        List<String> fields = new ArrayList<>(List.of("open_id", "union_id", "avatar_url", "display_name"));
        Set<String> granted = grantedScopes == null ? Set.of() : Set.of(grantedScopes.split(","));
        if (granted.contains("user.info.profile")) {
            fields.add("username");
        }
        return fields;
    }
}
