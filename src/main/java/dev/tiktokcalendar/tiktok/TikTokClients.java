package dev.tiktokcalendar.tiktok;

import dev.tiktokcalendar.tiktok.api.ApiCaller;
import dev.tiktokcalendar.tiktok.auth.AccessTokens;
import dev.tiktokcalendar.tiktok.auth.JdbcTokenStore;
import dev.tiktokcalendar.tiktok.auth.OAuthClient;
import dev.tiktokcalendar.tiktok.auth.TokenCipher;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.http.TikTokHttp;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitGate;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitLog;
import dev.tiktokcalendar.tiktok.upload.ChunkUploader;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

/**
 * Wires one node's TikTok client from its settings, database, token cipher and clock: the same assembly for the
 * Spring application ({@link TikTokClientConfiguration}), tests and benchmarks.
 */
public record TikTokClients(TikTokClient client, OAuthClient oauth, AccessTokens tokens, TokenStore tokenStore,
                            RateLimitGate rateLimits) {

    public static TikTokClients create(TikTokProperties settings, DataSource dataSource, TokenCipher cipher, Clock clock) {
        return create(settings, new JdbcTokenStore(dataSource, cipher), new RateLimitLog(dataSource), clock, nodeName());
    }

    public static TikTokClients create(TikTokProperties settings, TokenStore tokenStore, RateLimitLog rateLimitLog,
                                       Clock clock, String node) {
        TikTokHttp http = new TikTokHttp(settings.connectTimeout());
        ErrorCatalog catalog = new ErrorCatalog(settings.retry().deferrals());
        RateLimitGate gate = new RateLimitGate(rateLimitLog, settings.rateLimits(), clock);
        OAuthClient oauth = new OAuthClient(http, settings, catalog, clock);
        AccessTokens tokens = new AccessTokens(tokenStore, oauth, clock, settings.tokens(), node);
        ApiCaller api = new ApiCaller(http, settings, catalog, gate, tokens, clock);
        TikTokClient client = new TikTokClient(api, new ChunkUploader(http, settings, catalog), catalog, clock);
        return new TikTokClients(client, oauth, tokens, tokenStore, gate);
    }

    /** {@code pid@host} plus a random suffix: unique per process, readable in {@code refresh_lease_owner}. */
    public static String nodeName() {
        String name = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
