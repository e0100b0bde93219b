package dev.tiktokcalendar.simulator.world;

import java.util.List;
import java.util.function.Consumer;
import java.util.UUID;

/**
 * One TikTok account of the world. A private account gets the private privacy options and has duet and
 * stitch forced off; caps count in rolling (time-scaled) 24 hours.
 */
public record WorldCreator(
        String username,
        String nickname,
        String openId,
        String unionId,
        String avatarUrl,
        String bioDescription,
        Boolean privateAccount,
        Boolean verified,
        Boolean commentDisabled,
        Boolean duetDisabled,
        Boolean stitchDisabled,
        Integer maxVideoPostDurationSec,
        Integer dailyPostCap,
        Integer pendingInboxCap,
        Boolean banned,
        Long followerCount,
        Long followingCount,
        Long likesCount,
        String tiktokAppVersion) {

    public static final List<String> PUBLIC_ACCOUNT_OPTIONS =
            List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
    public static final List<String> PRIVATE_ACCOUNT_OPTIONS =
            List.of("FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");

    public WorldCreator {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("every creator needs a username");
        }
        nickname = nickname == null ? username : nickname;
        openId = openId == null ? UUID.nameUUIDFromBytes(("open:" + username).getBytes()).toString() : openId;
        unionId = unionId == null ? UUID.nameUUIDFromBytes(("union:" + username).getBytes()).toString() : unionId;
        avatarUrl = avatarUrl == null ? "https://p16-sign.tiktokcdn-us.com/sim/" + username + "~c5_168x168.jpeg"
                : avatarUrl;
        bioDescription = bioDescription == null ? "" : bioDescription;
        privateAccount = privateAccount != null && privateAccount;
        verified = verified != null && verified;
        commentDisabled = commentDisabled != null && commentDisabled;
        duetDisabled = privateAccount || (duetDisabled != null && duetDisabled);
        stitchDisabled = privateAccount || (stitchDisabled != null && stitchDisabled);
        maxVideoPostDurationSec = maxVideoPostDurationSec == null ? 600 : maxVideoPostDurationSec;
        dailyPostCap = dailyPostCap == null ? 15 : dailyPostCap;
        pendingInboxCap = pendingInboxCap == null ? 5 : pendingInboxCap;
        banned = banned != null && banned;
        followerCount = followerCount == null ? 0 : followerCount;
        followingCount = followingCount == null ? 0 : followingCount;
        likesCount = likesCount == null ? 0 : likesCount;
        tiktokAppVersion = tiktokAppVersion == null ? "34.1.0" : tiktokAppVersion;
    }

    public static WorldCreator named(String username) {
        return new WorldCreator(username, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public WorldCreator asPrivate() {
        return with(f -> f.privateAccount = true);
    }

    public WorldCreator asBanned() {
        return with(f -> f.banned = true);
    }

    public WorldCreator withDailyPostCap(int cap) {
        return with(f -> f.dailyPostCap = cap);
    }

    public WorldCreator withMaxVideoPostDurationSec(int seconds) {
        return with(f -> f.maxVideoPostDurationSec = seconds);
    }

    public WorldCreator withInteractionsDisabled(boolean comment, boolean duet, boolean stitch) {
        return with(f -> {
            f.commentDisabled = comment;
            f.duetDisabled = duet;
            f.stitchDisabled = stitch;
        });
    }

    public WorldCreator withTiktokAppVersion(String version) {
        return with(f -> f.tiktokAppVersion = version);
    }

    private WorldCreator with(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.build();
    }

    /** A mutable copy of every component, so that each {@code with…} method names only what it changes. */
    private static final class Fields {
        String username, nickname, openId, unionId, avatarUrl, bioDescription, tiktokAppVersion;
        Boolean privateAccount, verified, commentDisabled, duetDisabled, stitchDisabled, banned;
        Integer maxVideoPostDurationSec, dailyPostCap, pendingInboxCap;
        Long followerCount, followingCount, likesCount;

        Fields(WorldCreator c) {
            username = c.username;
            nickname = c.nickname;
            openId = c.openId;
            unionId = c.unionId;
            avatarUrl = c.avatarUrl;
            bioDescription = c.bioDescription;
            tiktokAppVersion = c.tiktokAppVersion;
            privateAccount = c.privateAccount;
            verified = c.verified;
            commentDisabled = c.commentDisabled;
            duetDisabled = c.duetDisabled;
            stitchDisabled = c.stitchDisabled;
            banned = c.banned;
            maxVideoPostDurationSec = c.maxVideoPostDurationSec;
            dailyPostCap = c.dailyPostCap;
            pendingInboxCap = c.pendingInboxCap;
            followerCount = c.followerCount;
            followingCount = c.followingCount;
            likesCount = c.likesCount;
        }

        WorldCreator build() {
            return new WorldCreator(username, nickname, openId, unionId, avatarUrl, bioDescription, privateAccount,
                    verified, commentDisabled, duetDisabled, stitchDisabled, maxVideoPostDurationSec, dailyPostCap,
                    pendingInboxCap, banned, followerCount, followingCount, likesCount, tiktokAppVersion);
        }
    }

    /** Whether the creator's TikTok app is at least {@code minimum} (dotted numbers, e.g. 31.8). */
    public boolean appVersionAtLeast(String minimum) {
        String[] have = tiktokAppVersion.split("\\.");
        String[] need = minimum.split("\\.");
        for (int i = 0; i < Math.max(have.length, need.length); i++) {
            int a = i < have.length ? Integer.parseInt(have[i]) : 0;
            int b = i < need.length ? Integer.parseInt(need[i]) : 0;
            if (a != b) {
                return a > b;
            }
        }
        return true;
    }

    public List<String> privacyLevelOptions() {
        return privateAccount ? PRIVATE_ACCOUNT_OPTIONS : PUBLIC_ACCOUNT_OPTIONS;
    }
}
