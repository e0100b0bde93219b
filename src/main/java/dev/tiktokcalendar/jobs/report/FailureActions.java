package dev.tiktokcalendar.jobs.report;

import java.util.Map;

/**
 * The one place that turns TikTok's {@code error.code}s and status {@code fail_reason}s (tiktok-api.md §8, §13)
 * into the one-line action an operator takes. Posts without a code get an action from their state and account.
 */
public final class FailureActions {

    static final String RECONNECT = "Reconnect the account (re-authorise the app in the console), then reschedule.";

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            // status fail_reason (§8)
            Map.entry("file_format_check_failed", "Re-encode the media as MP4/H.264 (photos: JPEG or WebP) and reschedule."),
            Map.entry("duration_check_failed", "Trim the video within the creator's maximum duration and reschedule."),
            Map.entry("frame_rate_check_failed", "Re-encode the video at 30 fps (TikTok accepts 23-60) and reschedule."),
            Map.entry("picture_size_check_failed", "Resize the media to 360-4096 px (photos max 1080p) and reschedule."),
            Map.entry("internal", "TikTok-side error: reschedule (a new attempt); contact TikTok with the log_id if it repeats."),
            Map.entry("video_pull_failed", "Check the media URL is reachable over https from the internet, then reschedule."),
            Map.entry("photo_pull_failed", "Check the photo URLs are reachable over https from the internet, then reschedule."),
            Map.entry("publish_cancelled", "Cancelled on purpose: nothing to do, or reschedule."),
            Map.entry("auth_removed", RECONNECT),
            Map.entry("spam_risk_too_many_posts", "Daily post cap reached: wait 24 h (it goes automatically) or post from the app."),
            Map.entry("spam_risk_user_banned_from_posting", "The creator is banned from posting: contact the creator; nothing to retry."),
            Map.entry("spam_risk_text", "Shorten or rewrite the caption (judged spam), then reschedule."),
            Map.entry("spam_risk", "TikTok judged the request risky: review the post with the creator before rescheduling."),
            // error.code (§13)
            Map.entry("invalid_param", "Fix the post's fields as the message says, then reschedule."),
            Map.entry("invalid_params", "Fix the post's fields as the message says, then reschedule."),
            Map.entry("app_version_check_failed", "Ask the creator to update the TikTok app (31.8 or later)."),
            Map.entry("invalid_file_upload", "Re-export the media file, then reschedule."),
            Map.entry("scope_permission_missed", RECONNECT),
            Map.entry("scope_not_authorized", RECONNECT),
            Map.entry("access_token_invalid", RECONNECT),
            Map.entry("spam_risk_too_many_pending_share", "The creator must post or delete their pending inbox drafts (max 5)."),
            Map.entry("reached_active_user_cap", "App's daily creator cap reached: wait for the next 24 h window (or pass the audit)."),
            Map.entry("unaudited_client_can_only_post_to_private_accounts", "Make the account private, or get the app audited."),
            Map.entry("url_ownership_unverified", "Verify the media domain or URL prefix in the TikTok developer portal."),
            Map.entry("privacy_level_option_mismatch", "Pick a privacy level the creator allows now (creator_info changed), then reschedule."),
            Map.entry("rate_limit_exceeded", "Rate limited: wait, it goes automatically."),
            Map.entry("internal_error", "TikTok-side error: wait for reconciliation; do not repost by hand."),
            Map.entry("invalid_publish_id", "TikTok no longer knows this publish_id: check the account's profile before rescheduling."),
            Map.entry("token_not_authorized_for_specified_publish_id", RECONNECT));

    private FailureActions() {
    }

    /** The action for a TikTok code or fail_reason; null when the code is not known. */
    public static String forCode(String code) {
        return code == null ? null : BY_CODE.get(code.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The action for a post of the report: its code's action, else the pipeline's stored {@code user_action},
     * else one derived from the bucket and the account's status.
     */
    public static String forPost(ReportBucket bucket, String code, String storedAction, String accountStatus) {
        String byCode = forCode(code);
        if (byCode != null) {
            return byCode;
        }
        if (storedAction != null && !storedAction.isBlank()) {
            return storedAction;
        }
        return switch (bucket) {
            case HELD -> "NEEDS_REAUTH".equals(accountStatus) || "DISCONNECTED".equals(accountStatus) ? RECONNECT
                    : "Fix the account (status " + accountStatus + "), then release the held posts.";
            case UNKNOWN -> "Outcome unknown: wait for reconciliation; do not repost by hand (it may be live).";
            case DEFERRED -> "Deferred: it goes automatically at its next attempt.";
            case PENDING -> "Stuck after its day: check that the publishing and reconciliation jobs run.";
            case FAILED -> code == null ? "Read the message and reschedule." : "Unknown code '" + code
                    + "': read the message; contact TikTok with the log_id.";
            default -> null;
        };
    }
}
