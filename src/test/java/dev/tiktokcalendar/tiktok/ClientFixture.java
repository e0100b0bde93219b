package dev.tiktokcalendar.tiktok;

import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.tiktok.TikTokProperties.Limit;
import dev.tiktokcalendar.tiktok.TikTokProperties.RateLimits;
import dev.tiktokcalendar.tiktok.auth.AesGcmTokenCipher;
import dev.tiktokcalendar.tiktok.auth.JdbcTokenStore;
import dev.tiktokcalendar.tiktok.auth.Secret;
import dev.tiktokcalendar.tiktok.auth.TokenCipher;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitLog;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A client wired to a running simulator and a migrated test schema, with helpers to connect simulator creators as
 * accounts. Rate limits are generous unless a test sets its own; retries pause 10-40 ms.
 */
public final class ClientFixture {

    public static final TokenCipher CIPHER = new AesGcmTokenCipher(Base64.getDecoder().decode(
            "q6ZzV0m7t0b3cXv1mYQ8x0B2F7m3n8k1pQ4r6s9u2wE="));
    public static final RateLimits GENEROUS = new RateLimits(false, new Limit(1000, null), new Limit(1000, null),
            new Limit(1000, null), new Limit(1000, null), java.time.Duration.ZERO);

    private final TikTokSimulator simulator;
    private final ClientDatabase database;

    public ClientFixture(TikTokSimulator simulator, ClientDatabase database) {
        this.simulator = simulator;
        this.database = database;
    }

    public TikTokProperties settings() {
        return TikTokProperties.forBaseUrl(simulator.baseUrl(), simulator.world().app().clientKey(),
                        simulator.world().app().clientSecret())
                .withRateLimits(GENEROUS)
                .withRetry(new TikTokProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(40), 4, null, null));
    }

    public TikTokClients clients(TikTokProperties settings, Clock clock) {
        return clients(settings, database.shared(), clock, TikTokClients.nodeName());
    }

    public TikTokClients clients(TikTokProperties settings, DataSource dataSource, Clock clock, String node) {
        return TikTokClients.create(settings, new JdbcTokenStore(dataSource, CIPHER), new RateLimitLog(dataSource), clock, node);
    }

    public TikTokClients clients() {
        return clients(settings(), Clock.systemUTC());
    }

    /** Connects the creator as a (new or existing) account with freshly issued tokens; returns the account id. */
    public long connect(String username, String... scopes) {
        IssuedTokens issued = simulator.issueTokens(username, scopes);
        return connect(issued, Instant.now());
    }

    public long connect(IssuedTokens issued, Instant issuedAt) {
        JdbcClient jdbc = JdbcClient.create(database.shared());
        jdbc.sql("INSERT IGNORE INTO workspace (id, slug, name, created_at, updated_at) "
                + "VALUES (1, 'test', 'Test', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))").update();
        jdbc.sql("INSERT INTO tiktok_account (workspace_id, open_id, created_at, updated_at) "
                        + "VALUES (1, :openId, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
                .param("openId", issued.openId()).update();
        long accountId = jdbc.sql("SELECT id FROM tiktok_account WHERE open_id = :openId").param("openId", issued.openId())
                .query(Long.class).single();
        new JdbcTokenStore(database.shared(), CIPHER).save(accountId, grant(issued, issuedAt), issuedAt);
        return accountId;
    }

    public static TokenGrant grant(IssuedTokens issued, Instant issuedAt) {
        return new TokenGrant(issued.openId(), Secret.of(issued.accessToken()), issuedAt.plusSeconds(issued.expiresIn()),
                Secret.of(issued.refreshToken()), issuedAt.plusSeconds(issued.refreshExpiresIn()), issued.scope());
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(database.shared());
    }

    public TikTokSimulator simulator() {
        return simulator;
    }
}
