package dev.tiktokcalendar.tiktok.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.simulator.MutableClock;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.TikTokProperties.Limit;
import dev.tiktokcalendar.tiktok.TikTokProperties.RateLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The database-backed sliding-window rate limit: exact semantics on a moved clock, and two nodes racing. */
class RateLimitGateTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("ratelimit");
    private static final AtomicLong ACCOUNTS = new AtomicLong(1000);
    private static final List<HikariDataSource> POOLS = new ArrayList<>();

    @AfterAll
    static void closePools() {
        POOLS.forEach(HikariDataSource::close);
    }

    private static RateLimitGate gate(RateLimits limits, Clock clock) {
        HikariDataSource pool = DATABASE.newPool("node", 4);
        POOLS.add(pool);
        return new RateLimitGate(new RateLimitLog(pool), limits, clock);
    }

    private static RateLimits dbOnly() {
        return new RateLimits(false, null, null, null, null, Duration.ZERO);
    }

    @Test
    void allowsABurstOfSixThenAnswersWhenTheOldestSlotFreesUp() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.000Z"));
        RateLimitGate gate = gate(dbOnly(), clock);
        long account = ACCOUNTS.incrementAndGet();

        for (int i = 0; i < 6; i++) {
            assertThat(gate.reserve(account, RateBucket.INIT).granted()).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        Reservation seventh = gate.reserve(account, RateBucket.INIT);

        assertThat(seventh.granted()).isFalse();
        assertThat(seventh.at()).isEqualTo(Instant.parse("2026-03-01T10:01:00.000Z"));
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-01T10:00:59.999Z")));
        assertThat(gate.reserve(account, RateBucket.INIT).granted()).isFalse();
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-01T10:01:00.000Z")));
        assertThat(gate.reserve(account, RateBucket.INIT).granted()).isTrue();
        assertThat(gate.reserve(account, RateBucket.INIT).at()).isEqualTo(Instant.parse("2026-03-01T10:01:01.000Z"));
    }

    @Test
    void theMarginWidensEveryWindowSoRequestsThatLeftAWindowApartNeverArriveCloserAtTikTok() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.000Z"));
        RateLimitGate gate = gate(new RateLimits(false, null, null, null, null, Duration.ofSeconds(1)), clock);
        long account = ACCOUNTS.incrementAndGet();
        for (int i = 0; i < 6; i++) {
            assertThat(gate.reserve(account, RateBucket.INIT).granted()).isTrue();
        }

        clock.advance(Duration.ofSeconds(60));
        Reservation atTheWindowsEnd = gate.reserve(account, RateBucket.INIT);
        assertThat(atTheWindowsEnd.granted()).isFalse();
        assertThat(atTheWindowsEnd.at()).isEqualTo(Instant.parse("2026-03-01T10:01:01.000Z"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(gate.reserve(account, RateBucket.INIT).granted()).isTrue();
        assertThat(gate.window(RateBucket.INIT)).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void bucketsAndAccountsAreIndependentAndCountsAreConfigurable() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        RateLimitGate gate = gate(new RateLimits(false, new Limit(2, Duration.ofSeconds(10)), null, new Limit(3, null), null, Duration.ZERO), clock);
        long one = ACCOUNTS.incrementAndGet();
        long two = ACCOUNTS.incrementAndGet();

        assertThat(granted(gate, one, RateBucket.INIT, 5)).isEqualTo(2);
        assertThat(granted(gate, two, RateBucket.INIT, 5)).isEqualTo(2);
        assertThat(granted(gate, one, RateBucket.CREATOR_INFO, 5)).isEqualTo(3);
        assertThat(granted(gate, one, RateBucket.STATUS, 40)).isEqualTo(30);
        clock.advance(Duration.ofSeconds(10));
        assertThat(granted(gate, one, RateBucket.INIT, 5)).isEqualTo(2);
    }

    @Test
    void anAccountsFirstPublishingCallMakesTheSlotsOfAllPublishingBucketsSoItsFirstInitIsOneStatement() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        RateLimitGate gate = gate(new RateLimits(false, new Limit(4, null), null, new Limit(3, null), null, Duration.ZERO), clock);
        long account = ACCOUNTS.incrementAndGet();

        assertThat(gate.reserve(account, RateBucket.CREATOR_INFO).granted()).isTrue();

        Map<String, Integer> slots = new TreeMap<>();
        JdbcClient.create(DATABASE.shared()).sql("SELECT bucket, COUNT(*) FROM tiktok_rate_limit_slot WHERE account_id = ? GROUP BY bucket")
                .param(account).query((rs, row) -> slots.put(rs.getString(1), rs.getInt(2))).list();
        assertThat(slots).containsExactly(Map.entry("CREATOR_INFO", 3), Map.entry("INIT", 4), Map.entry("STATUS", 30));
        assertThat(granted(gate, account, RateBucket.INIT, 5)).isEqualTo(4);
    }

    @Test
    void aTooManyRequestsAnswerPushesTheWindowForwardOnEveryNode() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        RateLimitGate nodeA = gate(dbOnly(), clock);
        RateLimitGate nodeB = gate(dbOnly(), clock);
        long account = ACCOUNTS.incrementAndGet();
        assertThat(nodeA.reserve(account, RateBucket.STATUS).granted()).isTrue();

        clock.advance(Duration.ofSeconds(5));
        Instant retryAt = nodeA.rateLimited(account, RateBucket.STATUS);

        assertThat(retryAt).isEqualTo(Instant.parse("2026-03-01T10:01:05Z"));
        Reservation onB = nodeB.reserve(account, RateBucket.STATUS);
        assertThat(onB.granted()).isFalse();
        assertThat(onB.at()).isEqualTo(retryAt);
        clock.advance(Duration.between(clock.instant(), retryAt));
        assertThat(nodeB.reserve(account, RateBucket.STATUS).granted()).isTrue();
    }

    @Test
    void theInProcessFrontRefusesWithoutTheDatabaseAndSaysWhen() {
        RateLimitGate gate = gate(new RateLimits(true, new Limit(2, Duration.ofSeconds(30)), null, null, null, Duration.ZERO), Clock.systemUTC());
        long account = ACCOUNTS.incrementAndGet();

        assertThat(granted(gate, account, RateBucket.INIT, 2)).isEqualTo(2);
        Reservation third = gate.reserve(account, RateBucket.INIT);

        assertThat(third.granted()).isFalse();
        assertThat(third.at()).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(31));
    }

    /**
     * Two nodes (own pools, own in-process fronts) hammer one account's init bucket with a time-scaled window of
     * 1.5 s (6 calls per window, like TikTok's 6 per 60 s) for about 5 s. Every grant is recorded at the instant
     * the database stored; no window may ever hold more than 6.
     */
    @Test
    void twoNodesTogetherNeverExceedSixInitsInAnyWindow() throws Exception {
        Duration window = Duration.ofMillis(1500);
        RateLimits limits = new RateLimits(true, new Limit(6, window), null, null, null, Duration.ZERO);
        RateLimitGate nodeA = gate(limits, Clock.systemUTC());
        RateLimitGate nodeB = gate(limits, Clock.systemUTC());
        long account = ACCOUNTS.incrementAndGet();
        List<Instant> grants = Collections.synchronizedList(new ArrayList<>());
        List<Reservation> refusals = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5000);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (RateLimitGate node : List.of(nodeA, nodeB, nodeA, nodeB)) {
            threads.submit(() -> {
                start.await();
                while (System.nanoTime() < end) {
                    Reservation reservation = node.reserve(account, RateBucket.INIT);
                    if (reservation.granted()) {
                        grants.add(reservation.at());
                    } else {
                        refusals.add(reservation);
                        Thread.sleep(2);
                    }
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Instant> sorted = grants.stream().sorted().toList();
        for (int i = 0; i + 6 < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i), sorted.get(i + 6)))
                    .as("7 grants within one window starting at %s", sorted.get(i))
                    .isGreaterThanOrEqualTo(window);
        }
        assertThat(sorted).hasSizeGreaterThanOrEqualTo(12).hasSizeLessThanOrEqualTo(6 * 5);
        assertThat(refusals).isNotEmpty().allSatisfy(r -> assertThat(r.at()).isNotNull());
    }

    private static int granted(RateLimitGate gate, long account, RateBucket bucket, int tries) {
        int granted = 0;
        for (int i = 0; i < tries; i++) {
            if (gate.reserve(account, bucket).granted()) {
                granted++;
            }
        }
        return granted;
    }
}
