package dev.tiktokcalendar.tiktok.error;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.tiktokcalendar.tiktok.error.ErrorClass.ACCOUNT_CANNOT_POST;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.APP_MISCONFIGURED;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.DEFER;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.OUTCOME_UNKNOWN;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.POST_INVALID;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.REAUTHORIZE;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.RETRY_SAFE;

/**
 * Classifies every TikTok failure of the contract (§13 error table, §1.8 OAuth errors, §8 fail reasons) into an
 * {@link ErrorClass} with a one-line user action, and for {@link ErrorClass#DEFER} the instant to try again.
 * Codes it does not know are classified by HTTP status and {@link CallKind}: a 4xx created nothing, while an
 * init that got a 5xx, no answer or an unknown code may have landed.
 */
public final class ErrorCatalog {

    /** How long each kind of deferral lasts; the rate-limit one is the bucket's window. */
    public record Deferrals(Duration dailyCap, Duration pendingShare) {
    }

    private record Entry(ErrorClass errorClass, String action, DeferKind defer) {
        Entry(ErrorClass errorClass, String action) {
            this(errorClass, action, DeferKind.NONE);
        }
    }

    private enum DeferKind { NONE, RATE_WINDOW, DAILY_CAP, PENDING_SHARE }

    private static final Map<String, Entry> API_CODES = Map.ofEntries(
            Map.entry("invalid_param", new Entry(POST_INVALID, "Fix the post: TikTok refused a field (see the message).")),
            Map.entry("invalid_params", new Entry(POST_INVALID, "Fix the post: TikTok refused a field (see the message).")),
            Map.entry("app_version_check_failed", new Entry(ACCOUNT_CANNOT_POST, "Ask the creator to update the TikTok app to 31.8 or later.")),
            Map.entry("invalid_publish_id", new Entry(POST_INVALID, "TikTok does not know this publish id any more; check the post's history.")),
            Map.entry("token_not_authorized_for_specified_publish_id", new Entry(POST_INVALID, "This publish id belongs to another account; check which account the post uses.")),
            Map.entry("publish_not_cancellable", new Entry(POST_INVALID, "The publish is already final and cannot be cancelled.")),
            Map.entry("invalid_file_upload", new Entry(POST_INVALID, "Fix the media file (format, size or chunking).")),
            Map.entry("scope_permission_missed", new Entry(REAUTHORIZE, "Reconnect the account and grant the missing permission.")),
            Map.entry("spam_risk_too_many_posts", new Entry(DEFER, "The creator reached TikTok's daily post limit; it will be tried again in 24 h (or post from the app).", DeferKind.DAILY_CAP)),
            Map.entry("spam_risk_user_banned_from_posting", new Entry(ACCOUNT_CANNOT_POST, "TikTok has banned this creator from posting; nothing can be published to this account.")),
            Map.entry("spam_risk_too_many_pending_share", new Entry(DEFER, "The creator has too many unfinished drafts in the TikTok inbox; ask them to post or delete some.", DeferKind.PENDING_SHARE)),
            Map.entry("reached_active_user_cap", new Entry(DEFER, "The app reached TikTok's daily limit of publishing creators; it will be tried again in 24 h.", DeferKind.DAILY_CAP)),
            Map.entry("unaudited_client_can_only_post_to_private_accounts", new Entry(ACCOUNT_CANNOT_POST, "Make the TikTok account private, or have the app pass TikTok's audit.")),
            Map.entry("url_ownership_unverified", new Entry(POST_INVALID, "Serve the media from a domain or URL prefix verified in the TikTok developer portal.")),
            Map.entry("privacy_level_option_mismatch", new Entry(POST_INVALID, "Pick a privacy level the creator currently allows (re-read creator info).")),
            Map.entry("access_token_invalid", new Entry(REAUTHORIZE, "Reconnect the TikTok account: its access was refused after a token refresh.")),
            Map.entry("scope_not_authorized", new Entry(REAUTHORIZE, "Reconnect the account and grant the permissions this action needs.")),
            Map.entry("rate_limit_exceeded", new Entry(DEFER, "TikTok's rate limit was reached; the call is deferred automatically.", DeferKind.RATE_WINDOW)),
            Map.entry("internal_error", new Entry(RETRY_SAFE, "TikTok had an internal error; it is tried again automatically.")));

    private static final Map<String, Entry> OAUTH_ERRORS = Map.ofEntries(
            Map.entry("access_denied", new Entry(REAUTHORIZE, "The creator declined; connect the account again and accept.")),
            Map.entry("invalid_grant", new Entry(REAUTHORIZE, "Reconnect the TikTok account: its authorization expired or was revoked.")),
            Map.entry("invalid_request", new Entry(REAUTHORIZE, "Connect the account again (the authorization code or PKCE verifier was refused).")),
            Map.entry("invalid_client", new Entry(APP_MISCONFIGURED, "Check tiktok.client-key and tiktok.client-secret.")),
            Map.entry("unauthorized_client", new Entry(APP_MISCONFIGURED, "Enable Login Kit and the needed products for this app in the TikTok developer portal.")),
            Map.entry("invalid_scope", new Entry(APP_MISCONFIGURED, "Request only scopes the app is approved for.")),
            Map.entry("unsupported_grant_type", new Entry(APP_MISCONFIGURED, "Client bug: unsupported grant_type.")),
            Map.entry("unsupported_response_type", new Entry(APP_MISCONFIGURED, "Client bug: response_type must be code.")),
            Map.entry("server_error", new Entry(RETRY_SAFE, "TikTok's login service failed; it is tried again automatically.")),
            Map.entry("temporarily_unavailable", new Entry(RETRY_SAFE, "TikTok's login service is busy; it is tried again automatically.")));

    private static final Map<String, Entry> FAIL_REASONS = Map.ofEntries(
            Map.entry("file_format_check_failed", new Entry(POST_INVALID, "Re-encode the media (MP4/H.264 video, JPEG/WebP photos).")),
            Map.entry("duration_check_failed", new Entry(POST_INVALID, "Shorten the video to the creator's maximum duration.")),
            Map.entry("frame_rate_check_failed", new Entry(POST_INVALID, "Re-encode the video at 23-60 frames per second.")),
            Map.entry("picture_size_check_failed", new Entry(POST_INVALID, "Resize the media (video 360-4096 px, photos up to 1080p).")),
            Map.entry("internal", new Entry(RETRY_SAFE, "TikTok failed internally; a new attempt will be made.")),
            Map.entry("video_pull_failed", new Entry(RETRY_SAFE, "TikTok could not download the video; check the URL stays reachable, a new attempt will be made.")),
            Map.entry("photo_pull_failed", new Entry(RETRY_SAFE, "TikTok could not download the photos; check the URLs stay reachable, a new attempt will be made.")),
            Map.entry("publish_cancelled", new Entry(POST_INVALID, "The publish was cancelled; schedule the post again to publish it.")),
            Map.entry("auth_removed", new Entry(REAUTHORIZE, "The creator disconnected the app; reconnect the account.")),
            Map.entry("spam_risk_too_many_posts", new Entry(DEFER, "The creator reached TikTok's daily post limit; it will be tried again in 24 h.", DeferKind.DAILY_CAP)),
            Map.entry("spam_risk_user_banned_from_posting", new Entry(ACCOUNT_CANNOT_POST, "TikTok has banned this creator from posting.")),
            Map.entry("spam_risk_text", new Entry(POST_INVALID, "TikTok judged the caption as spam; edit the caption.")),
            Map.entry("spam_risk", new Entry(POST_INVALID, "TikTok judged this post risky; change it before trying again.")));

    private final Deferrals deferrals;

    public ErrorCatalog(Deferrals deferrals) {
        this.deferrals = deferrals;
    }

    /** A data-endpoint envelope whose {@code error.code} is not {@code ok}. */
    public TikTokError apiError(String code, String message, String logId, int httpStatus, String endpoint,
                                CallKind kind, Instant now, Duration rateWindow) {
        Entry entry = API_CODES.get(code);
        if (entry == null) {
            entry = byStatus(httpStatus, kind);
        } else if ("internal_error".equals(code) && kind == CallKind.INIT) {
            entry = unknownInit();
        }
        return build(entry, code, message, logId, httpStatus, endpoint, now, rateWindow);
    }

    /** A flat OAuth error body ({@code error}, {@code error_description}). */
    public TikTokError oauthError(String error, String description, String logId, int httpStatus, String endpoint) {
        Entry entry = OAUTH_ERRORS.getOrDefault(error, byStatus(httpStatus, CallKind.OAUTH));
        return build(entry, error, description, logId, httpStatus, endpoint, null, null);
    }

    /** A {@code FAILED} publish's {@code fail_reason}; unknown reasons are treated as TikTok-side ({@code internal}). */
    public TikTokError failReason(String reason, String publishId, String endpoint, Instant now) {
        Entry entry = FAIL_REASONS.getOrDefault(reason, FAIL_REASONS.get("internal"));
        return build(entry, reason, "publish failed: " + reason, null, 200, endpoint, now, null).withPublishId(publishId);
    }

    /** An answer without a usable body (bare 5xx, HTML error page, unparsable JSON). */
    public TikTokError httpError(int httpStatus, String endpoint, CallKind kind, String detail) {
        return build(byStatus(httpStatus, kind), "http_" + httpStatus, detail, null, httpStatus, endpoint, null, null);
    }

    /** No answer at all. {@code requestSent} false means the connection never opened, so nothing can have happened. */
    public TikTokError transportError(String endpoint, CallKind kind, boolean requestSent, String detail) {
        Entry entry = kind == CallKind.INIT && requestSent ? unknownInit()
                : new Entry(RETRY_SAFE, "TikTok could not be reached; it is tried again automatically.");
        return build(entry, "transport_error", detail, null, 0, endpoint, null, null);
    }

    /** A call this client refused to make now because a rate limit (ours or TikTok's) says later. */
    public static TikTokError deferred(String code, String endpoint, Instant retryAt, String message) {
        return new TikTokError(DEFER, code, message, null, 0, endpoint, retryAt, null,
                "Rate limit reached; the call is deferred automatically.");
    }

    public static boolean isKnownApiCode(String code) {
        return API_CODES.containsKey(code);
    }

    public static boolean isKnownOAuthError(String error) {
        return OAUTH_ERRORS.containsKey(error);
    }

    public static boolean isKnownFailReason(String reason) {
        return FAIL_REASONS.containsKey(reason);
    }

    private static Entry unknownInit() {
        return new Entry(OUTCOME_UNKNOWN, "The post may or may not have been created; it will be reconciled before any new attempt.");
    }

    private static Entry byStatus(int httpStatus, CallKind kind) {
        boolean definiteRejection = httpStatus >= 400 && httpStatus < 500;
        if (kind == CallKind.INIT && !definiteRejection) {
            return unknownInit();
        }
        if (definiteRejection) {
            return new Entry(POST_INVALID, "TikTok refused the request (HTTP " + httpStatus + "); see the message.");
        }
        return new Entry(RETRY_SAFE, "TikTok answered with an unexpected error; it is tried again automatically.");
    }

    private TikTokError build(Entry entry, String code, String message, String logId, int httpStatus, String endpoint,
                              Instant now, Duration rateWindow) {
        Instant retryAt = switch (entry.defer()) {
            case NONE -> null;
            case RATE_WINDOW -> now.plus(rateWindow == null ? Duration.ofSeconds(60) : rateWindow);
            case DAILY_CAP -> now.plus(deferrals.dailyCap());
            case PENDING_SHARE -> now.plus(deferrals.pendingShare());
        };
        return new TikTokError(entry.errorClass(), code, message, logId, httpStatus, endpoint, retryAt, null, entry.action());
    }
}
