package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.support.TestDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A calendar schema wired to a simulator, for tests that run whole application nodes against it: the nodes'
 * command-line arguments, and accounts and posts written straight into the schema.
 */
record SimulatedCalendar(String schemaUrl, TikTokSimulator sim, JdbcClient jdbc) {

    static final String ENCRYPTION_KEY = "q6ZzV0m7t0b3cXv1mYQ8x0B2F7m3n8k1pQ4r6s9u2wE=";

    /** Database, simulator and encryption key of a node, plus TikTok's 60 s windows scaled 30x like the simulator's. */
    List<String> nodeArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + schemaUrl,
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--calendar.simulator.embedded=false",
                "--tiktok.api-base-url=" + sim.baseUrl(),
                "--tiktok.auth-base-url=" + sim.baseUrl(),
                "--tiktok.client-key=" + sim.world().app().clientKey(),
                "--tiktok.client-secret=" + sim.world().app().clientSecret(),
                "--calendar.encryption-key=" + ENCRYPTION_KEY,
                "--tiktok.retry.initial-backoff=20ms",
                "--tiktok.retry.max-backoff=100ms",
                "--tiktok.request-timeout=5s",
                // 30 s scaled 30x, as every other duration of these runs
                "--calendar.publishing.prepare-ahead=1s"));
        // 2 s windows at time scale 30, plus a margin for requests in flight
        for (String limit : List.of("init", "status", "creator-info", "display")) {
            arguments.add("--tiktok.rate-limits." + limit + ".window=2300ms");
        }
        return arguments;
    }

    /** The same wiring for an application context of the test's own JVM: database schema and simulator. */
    static void wire(DynamicPropertyRegistry registry, String schemaUrl, Supplier<TikTokSimulator> sim) {
        registry.add("spring.datasource.url", () -> schemaUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("tiktok.api-base-url", () -> sim.get().baseUrl());
        registry.add("tiktok.auth-base-url", () -> sim.get().baseUrl());
        registry.add("tiktok.client-key", () -> sim.get().world().app().clientKey());
        registry.add("tiktok.client-secret", () -> sim.get().world().app().clientSecret());
    }

    long workspace(String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")
                .params(name.toLowerCase() + "-" + UUID.randomUUID(), name).update(key);
        return key.getKey().longValue();
    }

    /** Connects the simulator's creator {@code username} with fresh tokens, stored encrypted through {@code tokens}. */
    long connect(TokenStore tokens, long workspace, String username) {
        IssuedTokens issued = sim.issueTokens(username);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, created_at, updated_at)
                        VALUES (?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(workspace, issued.openId(), username).update(key);
        long accountId = key.getKey().longValue();
        Instant now = Instant.now();
        tokens.save(accountId, ClientFixture.grant(issued, now), now);
        return accountId;
    }

    /** A scheduled direct video post of {@code media} (relative to the nodes' media root). */
    long directVideo(long workspace, long account, String privacy, String caption, Instant due, String media) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String dueUtc = LocalDateTime.ofInstant(due, ZoneOffset.UTC).toString().replace('T', ' ');
        jdbc.sql("""
                        INSERT INTO post (workspace_id, account_id, external_key, post_type, post_mode, state,
                                          state_changed_at, publish_at, publish_zone, next_attempt_at, caption,
                                          privacy_level, created_at, updated_at)
                        VALUES (?, ?, ?, 'VIDEO', 'DIRECT', 'SCHEDULED', UTC_TIMESTAMP(3), ?, 'UTC', ?, ?, ?,
                                UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(workspace, account, UUID.randomUUID().toString(), dueUtc, dueUtc, caption, privacy).update(key);
        long postId = key.getKey().longValue();
        jdbc.sql("INSERT INTO post_media (post_id, position, source) VALUES (?, 0, ?)").params(postId, media).update();
        return postId;
    }
}
