package dev.tiktokcalendar.tiktok.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code data.user} of {@code GET /v2/user/info/} (contract §2); fields not requested or not granted are null. */
public record UserInfo(String openId, String unionId, String avatarUrl,
                       @JsonProperty("avatar_url_100") String avatarUrl100, String avatarLargeUrl, String displayName,
                       String bioDescription, String profileDeepLink, @JsonProperty("is_verified") Boolean isVerified,
                       String username, Long followerCount, Long followingCount, Long likesCount, Long videoCount) {
}
