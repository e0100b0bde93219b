package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.http.ApiException;
import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.PendingShareCount;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.UnauditedPrivacy;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may post what (contract §4, §5, §12, §14): banned creators, the daily direct-post cap, the app's
 * daily active-publisher cap, unaudited apps (private accounts only, SELF_ONLY), the pending-inbox cap,
 * privacy options, and media URL ownership. Every 24 h window is rolling and time-scaled.
 */
public final class PostingRules {

    private static final Duration DAY = Duration.ofHours(24);

    private final World world;
    private final SimClock clock;
    private final PublishStore store;
    private final UrlOwnership urlOwnership;

    public PostingRules(World world, SimClock clock, PublishStore store, UrlOwnership urlOwnership) {
        this.world = world;
        this.clock = clock;
        this.store = store;
        this.urlOwnership = urlOwnership;
    }

    /** The code creator_info answers with HTTP 200 when the creator cannot post now, if any. */
    public Optional<String> cannotPostNow(WorldCreator creator) {
        if (creator.banned()) {
            return Optional.of("spam_risk_user_banned_from_posting");
        }
        if (directPostsToday(creator) >= creator.dailyPostCap()) {
            return Optional.of("spam_risk_too_many_posts");
        }
        if (appAtActiveUserCap(creator)) {
            return Optional.of("reached_active_user_cap");
        }
        return Optional.empty();
    }

    void checkDirectPost(WorldCreator creator) {
        Optional<String> refused = cannotPostNow(creator);
        if (refused.isPresent()) {
            throw new ApiException(403, refused.get(), messageOf(refused.get()));
        }
        if (!world.app().audited() && !creator.privateAccount()) {
            throw new ApiException(403, "unaudited_client_can_only_post_to_private_accounts",
                    "Unaudited clients can only post to a private account.");
        }
    }

    void checkInboxUpload(WorldCreator creator) {
        if (creator.banned()) {
            throw new ApiException(403, "spam_risk_user_banned_from_posting", messageOf("spam_risk_user_banned_from_posting"));
        }
        Instant since = clock.now().minus(clock.scaled(DAY));
        boolean postedDraftsCount = world.settings().pendingShareCount() == PendingShareCount.UPLOADS_IN_24H;
        long pending = store.ofCreator(creator.openId()).stream()
                .filter(p -> !p.kind.direct() && p.createdAt.isAfter(since))
                .filter(p -> {
                    synchronized (p) {
                        return p.status != PublishStatus.FAILED
                                && (postedDraftsCount || p.status != PublishStatus.PUBLISH_COMPLETE);
                    }
                })
                .count();
        if (pending >= creator.pendingInboxCap()) {
            throw new ApiException(403, "spam_risk_too_many_pending_share",
                    "The user has too many pending shares; they must post or discard drafts first.");
        }
    }

    /** What creator_info offers: the account's options, or only SELF_ONLY for unaudited apps if so set. */
    public List<String> privacyLevelOptions(WorldCreator creator) {
        if (!world.app().audited() && world.settings().unauditedOptionsSelfOnly()) {
            return List.of("SELF_ONLY");
        }
        return creator.privacyLevelOptions();
    }

    /** The privacy level the post gets, or 403 {@code privacy_level_option_mismatch}. */
    String privacyFor(WorldCreator creator, String requested) {
        if (requested == null || !privacyLevelOptions(creator).contains(requested)) {
            throw new ApiException(403, "privacy_level_option_mismatch",
                    "privacy_level is missing or not one of the creator's privacy_level_options.");
        }
        if (!world.app().audited() && !"SELF_ONLY".equals(requested)) {
            if (world.settings().unauditedPrivacy() == UnauditedPrivacy.REJECT) {
                throw new ApiException(403, "privacy_level_option_mismatch",
                        "Unaudited clients can only post with privacy_level SELF_ONLY.");
            }
            return "SELF_ONLY";
        }
        return requested;
    }

    void checkUrlOwnership(String url) {
        if (!urlOwnership.verified(url)) {
            throw new ApiException(403, "url_ownership_unverified",
                    "The media URL is not under a verified domain or URL prefix of the app.");
        }
    }

    private long directPostsToday(WorldCreator creator) {
        Instant since = clock.now().minus(clock.scaled(DAY));
        return store.ofCreator(creator.openId()).stream()
                .filter(p -> p.kind.direct() && p.createdAt.isAfter(since))
                .count();
    }

    private boolean appAtActiveUserCap(WorldCreator creator) {
        int cap = world.app().activeUserCap();
        if (store.creatorsWithPublishes() < cap) {
            return false; // fewer creators have ever published than the cap allows: no need to count
        }
        Instant since = clock.now().minus(clock.scaled(DAY));
        if (postedDirectlySince(creator, since)) {
            return false;
        }
        int active = 0;
        for (WorldCreator other : world.creators()) {
            if (postedDirectlySince(other, since) && ++active >= cap) {
                return true;
            }
        }
        return false;
    }

    private boolean postedDirectlySince(WorldCreator creator, Instant since) {
        return store.ofCreator(creator.openId()).stream().anyMatch(p -> p.kind.direct() && p.createdAt.isAfter(since));
    }

    private static String messageOf(String code) {
        return switch (code) {
            case "spam_risk_user_banned_from_posting" -> "The user is banned from posting.";
            case "spam_risk_too_many_posts" -> "The user has reached the daily post limit of the API.";
            case "reached_active_user_cap" -> "The app has reached its daily quota of active publishing users.";
            default -> code;
        };
    }
}
