package dev.tiktokcalendar.simulator.world;

import dev.tiktokcalendar.simulator.fault.EndpointFaults;
import dev.tiktokcalendar.simulator.http.Endpoint;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link SimulatorSettings} for tests and code; world files set the same fields in YAML. */
public final class SimulatorSettingsBuilder {

    private Long seed;
    private Double timeScale;
    private Duration processingDelay;
    private Duration downloadDelay;
    private Duration moderationDelay;
    private Duration inboxPostDelay;
    private Duration uploadUrlLifetime;
    private Duration authorizationCodeLifetime;
    private Boolean singleUseAuthorizationCodes;
    private Boolean rotateRefreshTokens;
    private Duration refreshTokenGracePeriod;
    private Boolean revokeKillsRefreshToken;
    private Boolean sandboxRefreshFails;
    private SimulatorSettings.ChunkRules chunkRules;
    private SimulatorSettings.ReputAcceptedChunk reputAcceptedChunk;
    private Boolean deduplicateIdenticalInits;
    private Duration deduplicationWindow;
    private Long maxVideoSize;
    private String invalidParamCode;
    private Boolean errorsWithHttp200;
    private Boolean allowHttpMediaUrls;
    private SimulatorSettings.UnauditedPrivacy unauditedPrivacy;
    private SimulatorSettings.MissingFieldScope missingFieldScope;
    private Boolean requireBrandContentToggle;
    private Boolean requireDisableToggles;
    private Boolean inboxUsesPostInfoTitle;
    private Boolean creatorInfoAcceptsUploadScope;
    private Duration publishIdRetention;
    private Duration minVideoDuration;
    private SimulatorSettings.PkceEncoding pkceEncoding;
    private SimulatorSettings.PendingShareCount pendingShareCount;
    private Boolean rejectBrandedSelfOnly;
    private Boolean unauditedOptionsSelfOnly;
    private Boolean completeWebhookForDirectPost;
    private Integer requestLogCapacity;
    private RateLimitSettings rateLimits;
    private WebhookSettings webhooks;
    private final Map<Endpoint, EndpointFaults> faults = new HashMap<>();

    SimulatorSettingsBuilder() {
    }

    SimulatorSettingsBuilder(SimulatorSettings s) {
        seed = s.seed();
        timeScale = s.timeScale();
        processingDelay = s.processingDelay();
        downloadDelay = s.downloadDelay();
        moderationDelay = s.moderationDelay();
        inboxPostDelay = s.inboxPostDelay();
        uploadUrlLifetime = s.uploadUrlLifetime();
        authorizationCodeLifetime = s.authorizationCodeLifetime();
        singleUseAuthorizationCodes = s.singleUseAuthorizationCodes();
        rotateRefreshTokens = s.rotateRefreshTokens();
        refreshTokenGracePeriod = s.refreshTokenGracePeriod();
        revokeKillsRefreshToken = s.revokeKillsRefreshToken();
        sandboxRefreshFails = s.sandboxRefreshFails();
        chunkRules = s.chunkRules();
        reputAcceptedChunk = s.reputAcceptedChunk();
        deduplicateIdenticalInits = s.deduplicateIdenticalInits();
        deduplicationWindow = s.deduplicationWindow();
        maxVideoSize = s.maxVideoSize();
        invalidParamCode = s.invalidParamCode();
        errorsWithHttp200 = s.errorsWithHttp200();
        allowHttpMediaUrls = s.allowHttpMediaUrls();
        unauditedPrivacy = s.unauditedPrivacy();
        missingFieldScope = s.missingFieldScope();
        requireBrandContentToggle = s.requireBrandContentToggle();
        requireDisableToggles = s.requireDisableToggles();
        inboxUsesPostInfoTitle = s.inboxUsesPostInfoTitle();
        creatorInfoAcceptsUploadScope = s.creatorInfoAcceptsUploadScope();
        publishIdRetention = s.publishIdRetention();
        minVideoDuration = s.minVideoDuration();
        pkceEncoding = s.pkceEncoding();
        pendingShareCount = s.pendingShareCount();
        rejectBrandedSelfOnly = s.rejectBrandedSelfOnly();
        unauditedOptionsSelfOnly = s.unauditedOptionsSelfOnly();
        completeWebhookForDirectPost = s.completeWebhookForDirectPost();
        requestLogCapacity = s.requestLogCapacity();
        rateLimits = s.rateLimits();
        webhooks = s.webhooks();
        faults.putAll(s.faults());
    }

    public SimulatorSettingsBuilder seed(long value) { seed = value; return this; }
    public SimulatorSettingsBuilder timeScale(double value) { timeScale = value; return this; }
    public SimulatorSettingsBuilder processingDelay(Duration value) { processingDelay = value; return this; }
    public SimulatorSettingsBuilder downloadDelay(Duration value) { downloadDelay = value; return this; }
    public SimulatorSettingsBuilder moderationDelay(Duration value) { moderationDelay = value; return this; }
    public SimulatorSettingsBuilder inboxPostDelay(Duration value) { inboxPostDelay = value; return this; }
    public SimulatorSettingsBuilder uploadUrlLifetime(Duration value) { uploadUrlLifetime = value; return this; }
    public SimulatorSettingsBuilder authorizationCodeLifetime(Duration value) { authorizationCodeLifetime = value; return this; }
    public SimulatorSettingsBuilder singleUseAuthorizationCodes(boolean value) { singleUseAuthorizationCodes = value; return this; }
    public SimulatorSettingsBuilder rotateRefreshTokens(boolean value) { rotateRefreshTokens = value; return this; }
    public SimulatorSettingsBuilder refreshTokenGracePeriod(Duration value) { refreshTokenGracePeriod = value; return this; }
    public SimulatorSettingsBuilder revokeKillsRefreshToken(boolean value) { revokeKillsRefreshToken = value; return this; }
    public SimulatorSettingsBuilder sandboxRefreshFails(boolean value) { sandboxRefreshFails = value; return this; }
    public SimulatorSettingsBuilder chunkRules(SimulatorSettings.ChunkRules value) { chunkRules = value; return this; }
    public SimulatorSettingsBuilder reputAcceptedChunk(SimulatorSettings.ReputAcceptedChunk value) { reputAcceptedChunk = value; return this; }
    public SimulatorSettingsBuilder deduplicateIdenticalInits(boolean value) { deduplicateIdenticalInits = value; return this; }
    public SimulatorSettingsBuilder deduplicationWindow(Duration value) { deduplicationWindow = value; return this; }
    public SimulatorSettingsBuilder maxVideoSize(long value) { maxVideoSize = value; return this; }
    public SimulatorSettingsBuilder invalidParamCode(String value) { invalidParamCode = value; return this; }
    public SimulatorSettingsBuilder errorsWithHttp200(boolean value) { errorsWithHttp200 = value; return this; }
    public SimulatorSettingsBuilder allowHttpMediaUrls(boolean value) { allowHttpMediaUrls = value; return this; }
    public SimulatorSettingsBuilder unauditedPrivacy(SimulatorSettings.UnauditedPrivacy value) { unauditedPrivacy = value; return this; }
    public SimulatorSettingsBuilder missingFieldScope(SimulatorSettings.MissingFieldScope value) { missingFieldScope = value; return this; }
    public SimulatorSettingsBuilder requireBrandContentToggle(boolean value) { requireBrandContentToggle = value; return this; }
    public SimulatorSettingsBuilder requireDisableToggles(boolean value) { requireDisableToggles = value; return this; }
    public SimulatorSettingsBuilder inboxUsesPostInfoTitle(boolean value) { inboxUsesPostInfoTitle = value; return this; }
    public SimulatorSettingsBuilder creatorInfoAcceptsUploadScope(boolean value) { creatorInfoAcceptsUploadScope = value; return this; }
    public SimulatorSettingsBuilder publishIdRetention(Duration value) { publishIdRetention = value; return this; }
    public SimulatorSettingsBuilder minVideoDuration(Duration value) { minVideoDuration = value; return this; }
    public SimulatorSettingsBuilder pkceEncoding(SimulatorSettings.PkceEncoding value) { pkceEncoding = value; return this; }
    public SimulatorSettingsBuilder pendingShareCount(SimulatorSettings.PendingShareCount value) { pendingShareCount = value; return this; }
    public SimulatorSettingsBuilder rejectBrandedSelfOnly(boolean value) { rejectBrandedSelfOnly = value; return this; }
    public SimulatorSettingsBuilder unauditedOptionsSelfOnly(boolean value) { unauditedOptionsSelfOnly = value; return this; }
    public SimulatorSettingsBuilder completeWebhookForDirectPost(boolean value) { completeWebhookForDirectPost = value; return this; }
    public SimulatorSettingsBuilder requestLogCapacity(int value) { requestLogCapacity = value; return this; }
    public SimulatorSettingsBuilder rateLimits(RateLimitSettings value) { rateLimits = value; return this; }
    public SimulatorSettingsBuilder webhooks(WebhookSettings value) { webhooks = value; return this; }
    public SimulatorSettingsBuilder fault(Endpoint endpoint, EndpointFaults value) { faults.put(endpoint, value); return this; }

    public SimulatorSettings build() {
        return new SimulatorSettings(seed, timeScale, processingDelay, downloadDelay, moderationDelay,
                inboxPostDelay, uploadUrlLifetime, authorizationCodeLifetime, singleUseAuthorizationCodes,
                rotateRefreshTokens, refreshTokenGracePeriod, revokeKillsRefreshToken, sandboxRefreshFails,
                chunkRules, reputAcceptedChunk, deduplicateIdenticalInits, deduplicationWindow, maxVideoSize,
                invalidParamCode, errorsWithHttp200, allowHttpMediaUrls, unauditedPrivacy, missingFieldScope,
                requireBrandContentToggle, requireDisableToggles, inboxUsesPostInfoTitle, creatorInfoAcceptsUploadScope,
                publishIdRetention, minVideoDuration, pkceEncoding, pendingShareCount, rejectBrandedSelfOnly,
                unauditedOptionsSelfOnly, completeWebhookForDirectPost, requestLogCapacity, rateLimits, webhooks, faults);
    }
}
