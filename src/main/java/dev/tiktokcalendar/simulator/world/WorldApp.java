package dev.tiktokcalendar.simulator.world;

import java.time.Duration;
import java.util.List;

/**
 * The TikTok developer app the simulator plays: its credentials, audit state, registered redirect URIs
 * (empty = any URI is accepted), verified media URL properties, token lifetimes, the daily active-publisher
 * cap, and the webhook callback URL (none = no webhooks).
 */
public record WorldApp(
        String clientKey,
        String clientSecret,
        Boolean audited,
        List<String> redirectUris,
        List<String> verifiedUrlPrefixes,
        List<String> verifiedDomains,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Integer activeUserCap,
        String webhookUrl) {

    private static final int UNAUDITED_ACTIVE_USER_CAP = 5;
    private static final int AUDITED_ACTIVE_USER_CAP = 10_000;

    public WorldApp {
        clientKey = clientKey == null ? "sim-client-key" : clientKey;
        clientSecret = clientSecret == null ? "sim-client-secret" : clientSecret;
        audited = audited == null || audited;
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        verifiedUrlPrefixes = verifiedUrlPrefixes == null ? List.of() : List.copyOf(verifiedUrlPrefixes);
        verifiedDomains = verifiedDomains == null ? List.of() : List.copyOf(verifiedDomains);
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofSeconds(86_400) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofSeconds(31_536_000) : refreshTokenLifetime;
        activeUserCap = activeUserCap == null
                ? (audited ? AUDITED_ACTIVE_USER_CAP : UNAUDITED_ACTIVE_USER_CAP) : activeUserCap;
    }

    public static WorldApp defaults() {
        return new WorldApp(null, null, null, null, null, null, null, null, null, null);
    }

    public WorldApp withAudited(boolean value) {
        return new WorldApp(clientKey, clientSecret, value, redirectUris, verifiedUrlPrefixes, verifiedDomains,
                accessTokenLifetime, refreshTokenLifetime, null, webhookUrl);
    }

    public WorldApp withWebhookUrl(String url) {
        return new WorldApp(clientKey, clientSecret, audited, redirectUris, verifiedUrlPrefixes, verifiedDomains,
                accessTokenLifetime, refreshTokenLifetime, activeUserCap, url);
    }

    public WorldApp withVerifiedUrlPrefixes(List<String> prefixes) {
        return new WorldApp(clientKey, clientSecret, audited, redirectUris, prefixes, verifiedDomains,
                accessTokenLifetime, refreshTokenLifetime, activeUserCap, webhookUrl);
    }

    public WorldApp withActiveUserCap(int cap) {
        return new WorldApp(clientKey, clientSecret, audited, redirectUris, verifiedUrlPrefixes, verifiedDomains,
                accessTokenLifetime, refreshTokenLifetime, cap, webhookUrl);
    }

    public WorldApp withTokenLifetimes(Duration access, Duration refresh) {
        return new WorldApp(clientKey, clientSecret, audited, redirectUris, verifiedUrlPrefixes, verifiedDomains,
                access, refresh, activeUserCap, webhookUrl);
    }
}
