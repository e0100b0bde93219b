package dev.tiktokcalendar.tiktok.api;

import dev.tiktokcalendar.tiktok.error.TikTokError;

import java.util.List;

/**
 * {@code data} of {@code status/fetch} (contract §8). {@code publicPostIds} are exact decimal strings (TikTok sends
 * 19-digit JSON numbers); {@code failure} is the classified {@code fail_reason} when the state is FAILED.
 */
public record PublishStatus(State state, String rawStatus, String failReason, List<String> publicPostIds,
                            Long uploadedBytes, Long downloadedBytes, TikTokError failure) {

    public enum State {
        PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, SEND_TO_USER_INBOX, PUBLISH_COMPLETE, FAILED,
        /** A status string the contract does not list: keep polling, with a ceiling. */
        UNRECOGNISED;

        public static State of(String raw) {
            for (State state : values()) {
                if (state.name().equals(raw)) {
                    return state;
                }
            }
            return UNRECOGNISED;
        }
    }
}
