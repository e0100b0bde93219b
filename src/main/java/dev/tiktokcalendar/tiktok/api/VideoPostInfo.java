package dev.tiktokcalendar.tiktok.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code post_info} of a Direct Post video init (contract §4). Every boolean is always sent (whether TikTok rejects
 * omitted ones is UNCONFIRMED); {@code title} ≤ 2200 UTF-16 units; {@code videoCoverTimestampMs} may be null.
 */
public record VideoPostInfo(String title, String privacyLevel, boolean disableDuet, boolean disableStitch,
                            boolean disableComment, Integer videoCoverTimestampMs, boolean brandContentToggle,
                            boolean brandOrganicToggle, @JsonProperty("is_aigc") boolean isAigc) {
}
