package dev.tiktokcalendar.simulator.world;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tiktokcalendar.simulator.fault.EndpointFaults;
import dev.tiktokcalendar.simulator.http.Endpoint;

import java.time.Duration;
import java.util.Map;

/**
 * How the simulator behaves where TikTok's behaviour is a choice: delays, the time scale that shortens every
 * window and delay, and one switch per UNCONFIRMED point of the contract (defaults = the documented reading).
 *
 * @param seed                     drives ids and the fault profile, so a run can be repeated
 * @param timeScale                every window and delay is divided by it (60 = a minute lasts a second)
 * @param processingDelay          from the last byte received to the terminal state
 * @param downloadDelay            the least time a PULL_FROM_URL publish stays in PROCESSING_DOWNLOAD
 * @param moderationDelay          from PUBLISH_COMPLETE to the public post id of a public post
 * @param inboxPostDelay           from SEND_TO_USER_INBOX to the creator posting the draft; null = never
 * @param uploadUrlLifetime        validity of an {@code upload_url}
 * @param authorizationCodeLifetime validity of an authorization code
 * @param singleUseAuthorizationCodes false = a code can be exchanged again until it expires
 * @param rotateRefreshTokens      false = legacy behaviour: refresh returns the same refresh token
 * @param refreshTokenGracePeriod  how long a rotated refresh token still answers, with the pair its rotation issued
 *                                 (while that pair's refresh token is unused); zero = rejected at once (documented)
 * @param revokeKillsRefreshToken  whether revoking an access token also kills its refresh token
 * @param sandboxRefreshFails      every refresh answers {@code invalid_grant}, as observed for sandbox apps
 * @param chunkRules               LENIENT = [5,000,000, 67,108,864] per chunk, last ≤ 134,217,728;
 *                                 STRICT = [5,242,880, 64,000,000], last ≤ 128,000,000;
 *                                 SINGLE_CHUNK = one chunk of at most 64,000,000 (the 2026-08 observation)
 * @param reputAcceptedChunk       a PUT of a chunk already accepted: REJECT = 416 with the progress (it tells the
 *                                 client the chunk landed); ACCEPT = answered as the first time, counted once
 * @param deduplicateIdenticalInits an init identical to an earlier one of the creator (same endpoint, same JSON body)
 *                                 within {@code deduplicationWindow} answers that publish again instead of a new one;
 *                                 false (documented: no idempotency key) = every init creates a publish
 * @param deduplicationWindow      how far back an identical init is looked for
 * @param maxVideoSize             bytes; 4 GiB documented, 10 GB claimed by third parties
 * @param invalidParamCode         {@code invalid_param} (doc) or {@code invalid_params} (observed)
 * @param errorsWithHttp200        send every error with HTTP 200, as observed for some clients
 * @param allowHttpMediaUrls       accept {@code http://} media URLs (tests on loopback); TikTok wants https
 * @param unauditedPrivacy         unaudited app posting non-SELF_ONLY to a private account
 * @param missingFieldScope        user/info field without its scope: error or silently omitted
 * @param requireBrandContentToggle reject video inits without {@code post_info.brand_content_toggle}
 * @param requireDisableToggles    reject direct video inits without {@code disable_duet}, {@code disable_stitch}
 *                                 and {@code disable_comment}
 * @param inboxUsesPostInfoTitle   inbox video inits take the caption from {@code post_info.title} instead of
 *                                 ignoring {@code post_info}
 * @param creatorInfoAcceptsUploadScope creator_info also answers a token with only {@code video.upload}
 * @param publishIdRetention       how long status/fetch and cancel know a publish_id; null = for the whole run
 * @param minVideoDuration         shortest accepted video (not documented; third parties say 3 s)
 * @param pkceEncoding             code_challenge as lower-case hex SHA-256 (desktop doc) or RFC 7636 base64url
 * @param pendingShareCount        the inbox cap counts uploads of the last 24 h (doc) or drafts still pending (observed)
 * @param rejectBrandedSelfOnly    reject branded content ({@code brand_content_toggle}) posted as SELF_ONLY
 * @param unauditedOptionsSelfOnly creator_info of an unaudited app offers only SELF_ONLY
 * @param completeWebhookForDirectPost also send {@code post.publish.complete} for direct posts
 * @param requestLogCapacity       newest requests kept for inspection
 */
public record SimulatorSettings(
        Long seed,
        Double timeScale,
        Duration processingDelay,
        Duration downloadDelay,
        Duration moderationDelay,
        Duration inboxPostDelay,
        Duration uploadUrlLifetime,
        Duration authorizationCodeLifetime,
        Boolean singleUseAuthorizationCodes,
        Boolean rotateRefreshTokens,
        Duration refreshTokenGracePeriod,
        Boolean revokeKillsRefreshToken,
        Boolean sandboxRefreshFails,
        ChunkRules chunkRules,
        ReputAcceptedChunk reputAcceptedChunk,
        Boolean deduplicateIdenticalInits,
        Duration deduplicationWindow,
        Long maxVideoSize,
        String invalidParamCode,
        @JsonProperty("errors-with-http-200") Boolean errorsWithHttp200, // the naming strategy would say "http200"
        Boolean allowHttpMediaUrls,
        UnauditedPrivacy unauditedPrivacy,
        MissingFieldScope missingFieldScope,
        Boolean requireBrandContentToggle,
        Boolean requireDisableToggles,
        Boolean inboxUsesPostInfoTitle,
        Boolean creatorInfoAcceptsUploadScope,
        Duration publishIdRetention,
        Duration minVideoDuration,
        PkceEncoding pkceEncoding,
        PendingShareCount pendingShareCount,
        Boolean rejectBrandedSelfOnly,
        Boolean unauditedOptionsSelfOnly,
        Boolean completeWebhookForDirectPost,
        Integer requestLogCapacity,
        RateLimitSettings rateLimits,
        WebhookSettings webhooks,
        Map<Endpoint, EndpointFaults> faults) {

    public enum ChunkRules { LENIENT, STRICT, SINGLE_CHUNK }

    public enum ReputAcceptedChunk { REJECT, ACCEPT }

    public enum UnauditedPrivacy { FORCE_SELF_ONLY, REJECT }

    public enum MissingFieldScope { ERROR, OMIT }

    public enum PkceEncoding { HEX, BASE64URL }

    public enum PendingShareCount { UPLOADS_IN_24H, PENDING_DRAFTS }

    public static final long FOUR_GIB = 4L * 1024 * 1024 * 1024;

    public SimulatorSettings {
        seed = seed == null ? 1L : seed;
        timeScale = timeScale == null ? 1.0 : timeScale;
        if (timeScale <= 0) {
            throw new IllegalArgumentException("time-scale must be positive");
        }
        processingDelay = processingDelay == null ? Duration.ofSeconds(3) : processingDelay;
        downloadDelay = downloadDelay == null ? Duration.ofSeconds(2) : downloadDelay;
        moderationDelay = moderationDelay == null ? Duration.ofSeconds(20) : moderationDelay;
        uploadUrlLifetime = uploadUrlLifetime == null ? Duration.ofHours(1) : uploadUrlLifetime;
        authorizationCodeLifetime = authorizationCodeLifetime == null ? Duration.ofMinutes(10)
                : authorizationCodeLifetime;
        singleUseAuthorizationCodes = singleUseAuthorizationCodes == null || singleUseAuthorizationCodes;
        rotateRefreshTokens = rotateRefreshTokens == null || rotateRefreshTokens;
        refreshTokenGracePeriod = refreshTokenGracePeriod == null ? Duration.ZERO : refreshTokenGracePeriod;
        revokeKillsRefreshToken = revokeKillsRefreshToken == null || revokeKillsRefreshToken;
        sandboxRefreshFails = sandboxRefreshFails != null && sandboxRefreshFails;
        chunkRules = chunkRules == null ? ChunkRules.LENIENT : chunkRules;
        reputAcceptedChunk = reputAcceptedChunk == null ? ReputAcceptedChunk.REJECT : reputAcceptedChunk;
        deduplicateIdenticalInits = deduplicateIdenticalInits != null && deduplicateIdenticalInits;
        deduplicationWindow = deduplicationWindow == null ? Duration.ofMinutes(10) : deduplicationWindow;
        maxVideoSize = maxVideoSize == null ? FOUR_GIB : maxVideoSize;
        invalidParamCode = invalidParamCode == null ? "invalid_param" : invalidParamCode;
        errorsWithHttp200 = errorsWithHttp200 != null && errorsWithHttp200;
        allowHttpMediaUrls = allowHttpMediaUrls != null && allowHttpMediaUrls;
        unauditedPrivacy = unauditedPrivacy == null ? UnauditedPrivacy.FORCE_SELF_ONLY : unauditedPrivacy;
        missingFieldScope = missingFieldScope == null ? MissingFieldScope.ERROR : missingFieldScope;
        requireBrandContentToggle = requireBrandContentToggle != null && requireBrandContentToggle;
        requireDisableToggles = requireDisableToggles != null && requireDisableToggles;
        inboxUsesPostInfoTitle = inboxUsesPostInfoTitle != null && inboxUsesPostInfoTitle;
        creatorInfoAcceptsUploadScope = creatorInfoAcceptsUploadScope != null && creatorInfoAcceptsUploadScope;
        minVideoDuration = minVideoDuration == null ? Duration.ZERO : minVideoDuration;
        pkceEncoding = pkceEncoding == null ? PkceEncoding.HEX : pkceEncoding;
        pendingShareCount = pendingShareCount == null ? PendingShareCount.UPLOADS_IN_24H : pendingShareCount;
        rejectBrandedSelfOnly = rejectBrandedSelfOnly != null && rejectBrandedSelfOnly;
        unauditedOptionsSelfOnly = unauditedOptionsSelfOnly != null && unauditedOptionsSelfOnly;
        completeWebhookForDirectPost = completeWebhookForDirectPost != null && completeWebhookForDirectPost;
        requestLogCapacity = requestLogCapacity == null ? 100_000 : requestLogCapacity;
        rateLimits = rateLimits == null ? RateLimitSettings.defaults() : rateLimits;
        webhooks = webhooks == null ? WebhookSettings.defaults() : webhooks;
        faults = faults == null ? Map.of() : Map.copyOf(faults);
    }

    public static SimulatorSettings defaults() {
        return builder().build();
    }

    public static SimulatorSettingsBuilder builder() {
        return new SimulatorSettingsBuilder();
    }

    public SimulatorSettingsBuilder toBuilder() {
        return new SimulatorSettingsBuilder(this);
    }
}
