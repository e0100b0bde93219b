package dev.tiktokcalendar.tiktok.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static dev.tiktokcalendar.tiktok.error.ErrorClass.ACCOUNT_CANNOT_POST;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.DEFER;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.OUTCOME_UNKNOWN;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.POST_INVALID;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.REAUTHORIZE;
import static dev.tiktokcalendar.tiktok.error.ErrorClass.RETRY_SAFE;
import static org.assertj.core.api.Assertions.assertThat;

/** Every code, OAuth error and fail_reason of the contract (§13, §1.8, §8) and how unknown ones fall back. */
class ErrorCatalogTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final ErrorCatalog catalog = new ErrorCatalog(new ErrorCatalog.Deferrals(Duration.ofHours(24), Duration.ofHours(1)));

    @ParameterizedTest(name = "{0} on {2} -> {3}")
    @CsvSource({
            "invalid_param, 400, INIT, POST_INVALID",
            "invalid_params, 400, INIT, POST_INVALID",
            "app_version_check_failed, 400, INIT, ACCOUNT_CANNOT_POST",
            "invalid_publish_id, 400, SAFE, POST_INVALID",
            "token_not_authorized_for_specified_publish_id, 400, SAFE, POST_INVALID",
            "publish_not_cancellable, 400, SAFE, POST_INVALID",
            "invalid_file_upload, 400, INIT, POST_INVALID",
            "scope_permission_missed, 400, SAFE, REAUTHORIZE",
            "spam_risk_too_many_posts, 403, INIT, DEFER",
            "spam_risk_too_many_posts, 200, SAFE, DEFER",
            "spam_risk_user_banned_from_posting, 403, INIT, ACCOUNT_CANNOT_POST",
            "spam_risk_user_banned_from_posting, 200, SAFE, ACCOUNT_CANNOT_POST",
            "spam_risk_too_many_pending_share, 403, INIT, DEFER",
            "reached_active_user_cap, 403, INIT, DEFER",
            "reached_active_user_cap, 200, SAFE, DEFER",
            "unaudited_client_can_only_post_to_private_accounts, 403, INIT, ACCOUNT_CANNOT_POST",
            "url_ownership_unverified, 403, INIT, POST_INVALID",
            "privacy_level_option_mismatch, 403, INIT, POST_INVALID",
            "access_token_invalid, 401, SAFE, REAUTHORIZE",
            "access_token_invalid, 200, INIT, REAUTHORIZE",
            "scope_not_authorized, 401, INIT, REAUTHORIZE",
            "rate_limit_exceeded, 429, INIT, DEFER",
            "rate_limit_exceeded, 200, SAFE, DEFER",
            "internal_error, 500, SAFE, RETRY_SAFE",
            "internal_error, 500, INIT, OUTCOME_UNKNOWN",
            "internal_error, 200, INIT, OUTCOME_UNKNOWN",
            "some_new_code, 400, INIT, POST_INVALID",
            "some_new_code, 503, INIT, OUTCOME_UNKNOWN",
            "some_new_code, 200, INIT, OUTCOME_UNKNOWN",
            "some_new_code, 502, SAFE, RETRY_SAFE",
            "some_new_code, 404, SAFE, POST_INVALID"})
    void classifiesEveryApiCode(String code, int status, CallKind kind, ErrorClass expected) {
        TikTokError error = catalog.apiError(code, "msg", "log-1", status, "/v2/x/", kind, NOW, Duration.ofSeconds(60));

        assertThat(error.errorClass()).isEqualTo(expected);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.logId()).isEqualTo("log-1");
        assertThat(error.message()).isEqualTo("msg");
        assertThat(error.userAction()).isNotBlank();
        assertThat(error.retryAt() != null).as("retryAt only for DEFER").isEqualTo(expected == DEFER);
    }

    @Test
    void deferralsSayWhen() {
        assertThat(catalog.apiError("rate_limit_exceeded", "", null, 429, "/p/", CallKind.INIT, NOW, Duration.ofSeconds(60)).retryAt())
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(catalog.apiError("spam_risk_too_many_posts", "", null, 403, "/p/", CallKind.INIT, NOW, null).retryAt())
                .isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(catalog.apiError("reached_active_user_cap", "", null, 403, "/p/", CallKind.INIT, NOW, null).retryAt())
                .isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(catalog.apiError("spam_risk_too_many_pending_share", "", null, 403, "/p/", CallKind.INIT, NOW, null).retryAt())
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "file_format_check_failed, POST_INVALID", "duration_check_failed, POST_INVALID",
            "frame_rate_check_failed, POST_INVALID", "picture_size_check_failed, POST_INVALID",
            "internal, RETRY_SAFE", "video_pull_failed, RETRY_SAFE", "photo_pull_failed, RETRY_SAFE",
            "publish_cancelled, POST_INVALID", "auth_removed, REAUTHORIZE", "spam_risk_too_many_posts, DEFER",
            "spam_risk_user_banned_from_posting, ACCOUNT_CANNOT_POST", "spam_risk_text, POST_INVALID",
            "spam_risk, POST_INVALID", "something_new, RETRY_SAFE"})
    void classifiesEveryFailReason(String reason, ErrorClass expected) {
        TikTokError error = catalog.failReason(reason, "v_pub_file~v2-1.1", "/v2/post/publish/status/fetch/", NOW);

        assertThat(error.errorClass()).isEqualTo(expected);
        assertThat(error.publishId()).isEqualTo("v_pub_file~v2-1.1");
        assertThat(error.userAction()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "access_denied, REAUTHORIZE", "invalid_grant, REAUTHORIZE", "invalid_request, REAUTHORIZE",
            "invalid_client, APP_MISCONFIGURED", "unauthorized_client, APP_MISCONFIGURED",
            "invalid_scope, APP_MISCONFIGURED", "unsupported_grant_type, APP_MISCONFIGURED",
            "unsupported_response_type, APP_MISCONFIGURED", "server_error, RETRY_SAFE",
            "temporarily_unavailable, RETRY_SAFE"})
    void classifiesEveryOAuthError(String error, ErrorClass expected) {
        assertThat(catalog.oauthError(error, "desc", "log", 200, "/v2/oauth/token/").errorClass()).isEqualTo(expected);
        assertThat(ErrorCatalog.isKnownOAuthError(error)).isTrue();
    }

    @Test
    void anInitWithoutAnswerIsUnknownUnlessTheConnectionNeverOpened() {
        assertThat(catalog.transportError("/v2/post/publish/video/init/", CallKind.INIT, true, "timeout").errorClass())
                .isEqualTo(OUTCOME_UNKNOWN);
        assertThat(catalog.transportError("/v2/post/publish/video/init/", CallKind.INIT, false, "refused").errorClass())
                .isEqualTo(RETRY_SAFE);
        assertThat(catalog.transportError("/v2/user/info/", CallKind.SAFE, true, "timeout").errorClass()).isEqualTo(RETRY_SAFE);
        assertThat(catalog.httpError(502, "/v2/post/publish/video/init/", CallKind.INIT, "bad gateway").errorClass())
                .isEqualTo(OUTCOME_UNKNOWN);
        assertThat(catalog.httpError(400, "/v2/post/publish/video/init/", CallKind.INIT, "html").errorClass()).isEqualTo(POST_INVALID);
        assertThat(ErrorCatalog.isKnownApiCode("invalid_params")).isTrue();
        assertThat(ErrorCatalog.isKnownFailReason("spam_risk")).isTrue();
        assertThat(ACCOUNT_CANNOT_POST).isNotEqualTo(REAUTHORIZE);
    }
}
