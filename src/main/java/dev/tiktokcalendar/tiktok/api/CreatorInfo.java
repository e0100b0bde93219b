package dev.tiktokcalendar.tiktok.api;

import java.util.List;

/** {@code data} of {@code creator_info/query} (contract §3): what the creator may post right now. */
public record CreatorInfo(String creatorAvatarUrl, String creatorUsername, String creatorNickname,
                          List<String> privacyLevelOptions, boolean commentDisabled, boolean duetDisabled,
                          boolean stitchDisabled, int maxVideoPostDurationSec) {
}
