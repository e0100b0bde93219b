package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.tiktok.TikTokClients;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.auth.AesGcmTokenCipher;
import dev.tiktokcalendar.tiktok.auth.JdbcTokenStore;
import dev.tiktokcalendar.tiktok.auth.KeyRingTokenCipher;
import dev.tiktokcalendar.tiktok.auth.OAuthClient;
import dev.tiktokcalendar.tiktok.auth.StoredTokens;
import dev.tiktokcalendar.tiktok.auth.TokenCipher;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitLog;
import dev.tiktokcalendar.web.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and their tokens: refresh job, racing nodes, held posts, key rotation, nothing in clear in the database. */
class AccountTokensTest extends WebAppTest {

    @Autowired
    TokenRefresher refresher;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TokenCipher cipher;
    @Autowired
    TikTokProperties settings;
    @Autowired
    DataSource dataSource;
    @Autowired
    OAuthClient oauth;
    @Autowired
    AccountHolds holds;

    @Test
    void connectingStoresProfileCreatorInfoAndEncryptedTokensOnly() {
        Accounts.Workspace ws = newWorkspace();
        IssuedTokens issued = SIM.issueTokens("c1");
        AccountConnector.Connected connected = (AccountConnector.Connected) connector.connect(ws,
                grant(issued, Instant.now().plusSeconds(issued.expiresIn())), "Europe/Berlin", null);

        Account account = connected.account();
        assertThat(account.username()).isEqualTo("c1");
        assertThat(account.displayName()).isEqualTo("c1");
        assertThat(account.zoneId()).isEqualTo("Europe/Berlin");
        assertThat(account.status()).isEqualTo("ACTIVE");
        assertThat(account.privacyLevelOptions()).contains("PUBLIC_TO_EVERYONE");
        assertThat(account.maxVideoPostDurationSec()).isPositive();
        assertThat(account.tokenKeyId()).isEqualTo(cipher.keyId());
        String dump = databaseDump();
        assertThat(dump).doesNotContain(issued.accessToken()).doesNotContain(issued.refreshToken())
                .doesNotContain(SIM.world().app().clientSecret()).doesNotContain(KEY);
        assertThat(account.toString()).doesNotContain(issued.accessToken());
    }

    @Test
    void anAccountOfAnotherWorkspaceOrWithBadTokensIsRefused() {
        Accounts.Workspace a = newWorkspace();
        Accounts.Workspace b = newWorkspace();
        connect(a, "c2");
        IssuedTokens again = SIM.issueTokens("c2");
        assertThat(connector.connect(b, grant(again, Instant.now().plusSeconds(3600)), null, null))
                .isInstanceOf(AccountConnector.OtherWorkspace.class);

        IssuedTokens real = SIM.issueTokens("c3");
        IssuedTokens forged = new IssuedTokens("act.forged", 3600, real.openId(), 3600, "rft.forged", real.scope(), "Bearer");
        assertThat(connector.connect(a, grant(forged, Instant.now().plusSeconds(3600)), null, null))
                .isInstanceOf(AccountConnector.Unverified.class);
        assertThat(accounts.byOpenId(real.openId())).as("nothing stored").isEmpty();
    }

    @Test
    void theRefreshJobRefreshesTokensThatExpireWithinTheMarginFromExpiresIn() {
        Accounts.Workspace ws = newWorkspace();
        long soon = connect(ws, "c4");
        expiresIn(soon, Duration.ofMinutes(10));
        long later = connect(ws, "c5");
        StoredTokens before = tokenStore.load(soon).orElseThrow();

        assertThat(refresher.workPending()).isTrue();
        TokenRefresher.Result result = refresher.refreshDue();

        StoredTokens after = tokenStore.load(soon).orElseThrow();
        assertThat(result.refreshed()).isGreaterThanOrEqualTo(1);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(after.accessExpiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(tokenStore.load(later).orElseThrow().version()).as("not due").isEqualTo(1);
        assertThat(refresher.dueAccounts()).doesNotContain(soon, later);
    }

    @Test
    void twoRacingNodesRefreshOnceAndKeepTheRotatedToken() throws Exception {
        Accounts.Workspace ws = newWorkspace();
        IssuedTokens issued = SIM.issueTokens("c6");
        long account = ((AccountConnector.Connected) connector.connect(ws, grant(issued, Instant.now().plusSeconds(issued.expiresIn())),
                null, null)).account().id();
        expiresIn(account, Duration.ofMinutes(5));
        long refreshCallsBefore = refreshCalls(issued.openId());
        List<TokenRefresher> nodes = List.of(node("node-a"), node("node-b"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TokenRefresher.Result>> runs = new ArrayList<>();
            for (TokenRefresher node : nodes) {
                Callable<TokenRefresher.Result> run = () -> {
                    start.await();
                    return node.refreshDue();
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            for (Future<TokenRefresher.Result> run : runs) {
                assertThat(run.get().needReauth()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        StoredTokens after = tokenStore.load(account).orElseThrow();
        assertThat(after.status()).isEqualTo("ACTIVE");
        assertThat(after.version()).as("one refresh committed").isEqualTo(2);
        assertThat(refreshCalls(issued.openId()) - refreshCallsBefore).as("one refresh call at TikTok").isEqualTo(1);
        assertThat(oauth.refresh(after.refreshToken()).isOk()).as("the stored refresh token is the live one").isTrue();
    }

    @Test
    void anAccountWhoseRefreshFailsHoldsItsPostsAndReleasesThemAfterReconnect() {
        Accounts.Workspace ws = newWorkspace();
        long account = connect(ws, "c7");
        expiresIn(account, Duration.ofMinutes(5));
        Instant future = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long scheduled = fixtures().post(ws.id(), account, "SCHEDULED", future);
        long deferred = fixtures().post(ws.id(), account, "DEFERRED", past);
        long published = fixtures().post(ws.id(), account, "PUBLISHED", past);
        SIM.revokeAuthorization("c7");

        refresher.refreshDue();

        assertThat(accounts.byId(account).orElseThrow().status()).isEqualTo("NEEDS_REAUTH");
        assertThat(fixtures().stateOf(scheduled)).isEqualTo("HELD");
        assertThat(fixtures().stateOf(deferred)).isEqualTo("HELD");
        assertThat(fixtures().stateOf(published)).isEqualTo("PUBLISHED");

        IssuedTokens reconnected = SIM.issueTokens("c7");
        AccountConnector.Connected again = (AccountConnector.Connected) connector.connect(ws,
                grant(reconnected, Instant.now().plusSeconds(reconnected.expiresIn())), null, null);

        assertThat(again.isNew()).isFalse();
        assertThat(again.postsReleased()).isEqualTo(2);
        assertThat(again.account().status()).isEqualTo("ACTIVE");
        assertThat(fixtures().stateOf(scheduled)).isEqualTo(PostState.SCHEDULED.name());
        assertThat(fixtures().stateOf(deferred)).isEqualTo(PostState.SCHEDULED.name());
        assertThat(nextAttemptAt(scheduled)).as("at its publish time").isEqualTo(future);
        assertThat(nextAttemptAt(deferred)).as("now, its time has passed").isAfter(past);
    }

    @Test
    void rotateKeyReencryptsEveryAccountUnderTheNewKeyAndOldCiphertextsStayReadableMeanwhile() {
        Accounts.Workspace ws = newWorkspace();
        long account = connect(ws, "c8");
        StoredTokens before = tokenStore.load(account).orElseThrow();
        TokenCipher newKey = AesGcmTokenCipher.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        KeyRingTokenCipher ring = new KeyRingTokenCipher(newKey, List.of(cipher));

        assertThat(new JdbcTokenStore(dataSource, ring).load(account).orElseThrow().accessToken())
                .as("old ciphertext readable through the ring").isEqualTo(before.accessToken());
        KeyRotation.Result result = new KeyRotation(jdbc, dataSource, ring, Clock.systemUTC()).rotate();

        assertThat(result.reencrypted()).isGreaterThanOrEqualTo(1);
        assertThat(result.unreadable()).as("rows of other tests, under their own keys").doesNotContain(account);
        assertThat(accounts.byId(account).orElseThrow().tokenKeyId()).isEqualTo(newKey.keyId());
        StoredTokens underNewKey = new JdbcTokenStore(dataSource, newKey).load(account).orElseThrow();
        assertThat(underNewKey.accessToken()).isEqualTo(before.accessToken());
        assertThat(underNewKey.refreshToken()).isEqualTo(before.refreshToken());
        assertThat(underNewKey.version()).isEqualTo(before.version());
        // put it back under the application's key for the other tests
        new KeyRotation(jdbc, dataSource, new KeyRingTokenCipher(cipher, List.of(newKey)), Clock.systemUTC()).rotate();
        assertThat(accounts.byId(account).orElseThrow().tokenKeyId()).isEqualTo(cipher.keyId());
    }

    private TokenRefresher node(String name) {
        TikTokClients clients = TikTokClients.create(settings, new JdbcTokenStore(dataSource, cipher),
                new RateLimitLog(dataSource), Clock.systemUTC(), name);
        return new TokenRefresher(jdbc, clients.tokens(), holds, Clock.systemUTC(), settings.tokens());
    }

    /** As if time had passed: the stored access token now expires within the refresh margin. */
    private void expiresIn(long account, Duration left) {
        jdbc.sql("UPDATE tiktok_account SET access_token_expires_at = ? WHERE id = ?")
                .params(Accounts.utc(Instant.now().plus(left)), account).update();
    }

    private static long refreshCalls(String openId) {
        // tests run one at a time, so every token call in between is this test's
        return SIM.requestLog().stream().filter(r -> r.endpoint() == Endpoint.OAUTH_TOKEN).count();
    }

    private Instant nextAttemptAt(long post) {
        return jdbc.sql("SELECT next_attempt_at FROM post WHERE id = ?").param(post)
                .query((rs, row) -> rs.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)).single();
    }

}
