package dev.tiktokcalendar.tiktok.auth;

import com.zaxxer.hikari.HikariDataSource;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.simulator.MutableClock;
import dev.tiktokcalendar.tiktok.TikTokClients;
import dev.tiktokcalendar.tiktok.api.UserInfo;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/** Token refresh against the simulator (rotating refresh tokens): ahead of expiry, after a 401, racing nodes, invalid_grant. */
class TokenRefreshTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("tokens");
    private static final List<String> FIELDS = List.of("open_id", "username");
    private static TikTokSimulator sim;
    private static ClientFixture fixture;

    @BeforeAll
    static void start() {
        sim = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
                List.of(WorldCreator.named("ahead"), WorldCreator.named("rejected"), WorldCreator.named("raced"),
                        WorldCreator.named("revoked"), WorldCreator.named("flaky.login"), WorldCreator.named("reused")), SimulatorSettings.builder().build())).start();
        fixture = new ClientFixture(sim, DATABASE);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void refreshesAheadOfExpiryAndCommitsTheRotatedRefreshTokenFirst() {
        MutableClock clock = new MutableClock(Instant.now());
        TikTokClients node = fixture.clients(fixture.settings(), clock);
        long account = fixture.connect("ahead");
        StoredTokens before = node.tokenStore().load(account).orElseThrow();

        assertThat(node.client().userInfo(account, FIELDS).isOk()).isTrue();
        assertThat(node.tokenStore().load(account).orElseThrow().version()).as("no refresh a day ahead").isEqualTo(before.version());
        clock.advance(Duration.ofHours(24).minusMinutes(10));
        UserInfo user = node.client().userInfo(account, FIELDS).orElseThrow();

        StoredTokens after = node.tokenStore().load(account).orElseThrow();
        assertThat(user.username()).isEqualTo("ahead");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(after.accessExpiresAt()).isAfter(clock.instant().plus(Duration.ofHours(23)));
        assertThat(node.oauth().refresh(before.refreshToken()).error().code()).as("old refresh token is dead").isEqualTo("invalid_grant");
        assertThat(node.oauth().refresh(after.refreshToken()).isOk()).as("the stored one is the live one").isTrue();
    }

    @Test
    void accessTokenInvalidTriggersOneRefreshAndOneReplay() {
        TikTokClients node = fixture.clients();
        IssuedTokens issued = sim.issueTokens("rejected");
        long account = fixture.connect(new IssuedTokens("act.not-a-real-token", issued.expiresIn(), issued.openId(),
                issued.refreshExpiresIn(), issued.refreshToken(), issued.scope(), issued.tokenType()), Instant.now());
        int mark = sim.requestLog().size();

        UserInfo user = node.client().userInfo(account, FIELDS).orElseThrow();

        assertThat(user.username()).isEqualTo("rejected");
        assertThat(sim.requestLog().subList(mark, sim.requestLog().size()))
                .extracting(r -> r.endpoint() + " " + r.httpStatus() + " " + r.code())
                .containsExactly("USER_INFO 401 access_token_invalid", "OAUTH_TOKEN 200 ok", "USER_INFO 200 ok");
    }

    /**
     * A token read from the store is used again for {@code reuse-for} without reading the store; it is read again when
     * that has passed, when the account's status changed here ({@code forget}), and after TikTok refused the token.
     */
    @Test
    void aTokenIsReusedForAWhileAndReadAgainAfterItsAccountChangedOrTikTokRefusedIt() {
        MutableClock clock = new MutableClock(Instant.now());
        TikTokClients node = fixture.clients(fixture.settings(), clock);
        long account = fixture.connect("reused");
        AtomicInteger reads = new AtomicInteger();
        TokenStore counting = (TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[] {TokenStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("load")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(node.tokenStore(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AccessTokens tokens = new AccessTokens(counting, node.oauth(), clock, fixture.settings().tokens(), "reuse");

        AccessToken first = tokens.current(account).orElseThrow();
        assertThat(tokens.current(account).orElseThrow()).isEqualTo(first);
        assertThat(tokens.current(account).orElseThrow()).isEqualTo(first);
        assertThat(reads).as("read once").hasValue(1);

        tokens.forget(account);
        tokens.current(account);
        assertThat(reads).as("read again after forget").hasValue(2);

        clock.advance(fixture.settings().tokens().reuseFor().plusSeconds(1));
        tokens.current(account);
        assertThat(reads).as("read again after reuse-for").hasValue(3);

        tokens.afterRejection(first);
        int afterRejection = reads.get();
        assertThat(afterRejection).as("the store read again after TikTok refused the token").isGreaterThan(3);
        tokens.current(account);
        assertThat(reads).as("the token found after the refusal is reused").hasValue(afterRejection);
    }

    /**
     * Two nodes (own pools, own node names), eight threads, one account whose access token has expired: exactly one
     * refresh reaches TikTok, every call succeeds with the new token, and the stored refresh token is the rotated one.
     */
    @Test
    void twoNodesRacingRefreshOnlyOnceAndKeepTheRotatedToken() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        long account = fixture.connect("raced");
        clock.advance(Duration.ofHours(25));
        try (HikariDataSource poolA = DATABASE.newPool("node-a", 4); HikariDataSource poolB = DATABASE.newPool("node-b", 4)) {
            TikTokClients nodeA = fixture.clients(fixture.settings(), poolA, clock, "node-a");
            TikTokClients nodeB = fixture.clients(fixture.settings(), poolB, clock, "node-b");
            long versionBefore = nodeA.tokenStore().load(account).orElseThrow().version();
            int mark = sim.requestLog().size();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TikTokResult<UserInfo>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TikTokClients node = i % 2 == 0 ? nodeA : nodeB;
                Callable<TikTokResult<UserInfo>> call = () -> {
                    go.await();
                    return node.client().userInfo(account, FIELDS);
                };
                calls.add(threads.submit(call));
            }
            go.countDown();
            for (Future<TikTokResult<UserInfo>> call : calls) {
                assertThat(call.get().isOk()).as("%s", call.get()).isTrue();
            }
            threads.shutdown();

            assertThat(sim.requestLog().subList(mark, sim.requestLog().size()))
                    .filteredOn(r -> r.endpoint() == Endpoint.OAUTH_TOKEN).hasSize(1);
            StoredTokens after = nodeB.tokenStore().load(account).orElseThrow();
            assertThat(after.version()).isEqualTo(versionBefore + 1);
            assertThat(after.status()).isEqualTo("ACTIVE");
            assertThat(nodeB.oauth().refresh(after.refreshToken()).isOk()).as("stored refresh token is the live one").isTrue();
        }
    }

    @Test
    void aFailingRefreshIsRetriedOnceOverAndNotMultipliedByTheCallsRetry() {
        MutableClock clock = new MutableClock(Instant.now());
        TikTokClients node = fixture.clients(fixture.settings(), clock);
        long account = fixture.connect("flaky.login");
        clock.advance(Duration.ofHours(25));
        for (int i = 0; i < 3; i++) {
            sim.injectNext(Endpoint.OAUTH_TOKEN, Fault.of(FaultKind.HTTP_500));
        }
        int mark = sim.requestLog().size();

        TikTokResult<UserInfo> result = node.client().userInfo(account, FIELDS);

        assertThat(result.error().errorClass()).isEqualTo(ErrorClass.RETRY_SAFE);
        assertThat(sim.requestLog().subList(mark, sim.requestLog().size())).extracting(r -> r.endpoint())
                .containsExactly(Endpoint.OAUTH_TOKEN, Endpoint.OAUTH_TOKEN, Endpoint.OAUTH_TOKEN);
        assertThat(node.client().userInfo(account, FIELDS).isOk()).as("the lease was released").isTrue();
    }

    @Test
    void invalidGrantMarksTheAccountForReauthorisation() {
        MutableClock clock = new MutableClock(Instant.now());
        TikTokClients node = fixture.clients(fixture.settings(), clock);
        long account = fixture.connect("revoked");
        sim.revokeAuthorization("revoked");
        clock.advance(Duration.ofHours(25));

        TikTokResult<UserInfo> result = node.client().userInfo(account, FIELDS);

        assertThat(result.error().errorClass()).isEqualTo(ErrorClass.REAUTHORIZE);
        assertThat(result.error().code()).isEqualTo("invalid_grant");
        assertThat(fixture.jdbc().sql("SELECT status FROM tiktok_account WHERE id = :id").param("id", account)
                .query(String.class).single()).isEqualTo("NEEDS_REAUTH");
        assertThat(node.client().creatorInfo(account).error().errorClass()).isEqualTo(ErrorClass.REAUTHORIZE);
    }
}
