package dev.tiktokcalendar.simulator.world;

import java.util.List;
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
        Long likesCount) {

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
    }

    public static WorldCreator named(String username) {
        return new WorldCreator(username, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public WorldCreator asPrivate() {
        return new WorldCreator(username, nickname, openId, unionId, avatarUrl, bioDescription, true, verified,
                commentDisabled, duetDisabled, stitchDisabled, maxVideoPostDurationSec, dailyPostCap,
                pendingInboxCap, banned, followerCount, followingCount, likesCount);
    }

    public WorldCreator asBanned() {
        return new WorldCreator(username, nickname, openId, unionId, avatarUrl, bioDescription, privateAccount,
                verified, commentDisabled, duetDisabled, stitchDisabled, maxVideoPostDurationSec, dailyPostCap,
                pendingInboxCap, true, followerCount, followingCount, likesCount);
    }

    public WorldCreator withDailyPostCap(int cap) {
        return new WorldCreator(username, nickname, openId, unionId, avatarUrl, bioDescription, privateAccount,
                verified, commentDisabled, duetDisabled, stitchDisabled, maxVideoPostDurationSec, cap,
                pendingInboxCap, banned, followerCount, followingCount, likesCount);
    }

    public WorldCreator withMaxVideoPostDurationSec(int seconds) {
        return new WorldCreator(username, nickname, openId, unionId, avatarUrl, bioDescription, privateAccount,
                verified, commentDisabled, duetDisabled, stitchDisabled, seconds, dailyPostCap,
                pendingInboxCap, banned, followerCount, followingCount, likesCount);
    }

    public WorldCreator withInteractionsDisabled(boolean comment, boolean duet, boolean stitch) {
        return new WorldCreator(username, nickname, openId, unionId, avatarUrl, bioDescription, privateAccount,
                verified, comment, duet, stitch, maxVideoPostDurationSec, dailyPostCap,
                pendingInboxCap, banned, followerCount, followingCount, likesCount);
    }

    public List<String> privacyLevelOptions() {
        return privateAccount ? PRIVATE_ACCOUNT_OPTIONS : PUBLIC_ACCOUNT_OPTIONS;
    }
}
