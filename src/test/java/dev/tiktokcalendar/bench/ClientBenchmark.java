package dev.tiktokcalendar.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.support.TestDatabase;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.TikTokClients;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.ratelimit.RateBucket;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitGate;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitLog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks of the TikTok client (bench/RESULTS.md; run with bench/run-client.sh, never by surefire):
 * <ol>
 *   <li>the client's own overhead per call: {@code GET /v2/user/info/} through the client (rate-limit reservation
 *       and token read on the database, decryption, HTTP, envelope parsing) against the same request sent with a
 *       bare JDK HttpClient, both to the in-process simulator, one thread, sequential;</li>
 *   <li>rate-limit reservations per second for 1,000 accounts on the test database (TEST_DB_URL), with the
 *       in-process front off so every reservation hits the database: the granted path (a time-scaled clock frees
 *       the slots continuously) and the refused path (all slots used).</li>
 * </ol>
 */
public final class ClientBenchmark {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println("database: " + TestDatabase.description());
        ClientDatabase database = ClientDatabase.migrated("bench");
        callOverhead(database, calls);
        for (int threads : new int[] {1, 4, 8}) {
            reservations(database, threads, seconds, true);
        }
        reservations(database, 4, seconds, false);
        System.exit(0);
    }

    private static void callOverhead(ClientDatabase database, int calls) throws Exception {
        try (TikTokSimulator sim = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
                List.of(WorldCreator.named("bench")), SimulatorSettings.builder()
                .rateLimits(new RateLimitSettings(false, null, null, null, null, null, null, null)).build())).start()) {
            ClientFixture fixture = new ClientFixture(sim, database);
            // TikTok's 600 display calls per account, in a 1 ms window: every call takes the full reservation path
            TikTokProperties.Limit display = new TikTokProperties.Limit(600, java.time.Duration.ofMillis(1));
            TikTokClients clients = fixture.clients(fixture.settings().withRateLimits(
                    new TikTokProperties.RateLimits(true, null, null, null, display, java.time.Duration.ZERO)), Clock.systemUTC());
            IssuedTokens issued = sim.issueTokens("bench");
            long account = fixture.connect(issued, Instant.now());
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v2/user/info/?fields=open_id,username"))
                    .header("Authorization", "Bearer " + issued.accessToken()).GET().build();
            List<String> fields = List.of("open_id", "username");
            for (int round = 0; round < 2; round++) { // round 0 warms up
                long[] client = new long[calls];
                long[] bare = new long[calls];
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    clients.client().userInfo(account, fields).orElseThrow();
                    long t1 = System.nanoTime();
                    HttpResponse<byte[]> response = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long t2 = System.nanoTime();
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("raw call answered " + response.statusCode());
                    }
                    client[i] = t1 - t0;
                    bare[i] = t2 - t1;
                }
                if (round == 1) {
                    System.out.printf("user/info x%d  client: p50 %.3f ms p99 %.3f ms mean %.3f ms | bare HttpClient: p50 %.3f ms p99 %.3f ms mean %.3f ms | overhead p50 %.3f ms mean %.3f ms%n",
                            calls, pct(client, 50), pct(client, 99), mean(client), pct(bare, 50), pct(bare, 99), mean(bare),
                            pct(client, 50) - pct(bare, 50), mean(client) - mean(bare));
                }
            }
        }
    }

    private static void reservations(ClientDatabase database, int threads, int seconds, boolean granted) throws Exception {
        long start = System.nanoTime();
        // granted path: 10,000x scaled time, so a 60 s window passes in 6 ms and slots keep freeing up
        Clock clock = granted ? new ScaledClock(Instant.now(), start, 10_000) : Clock.systemUTC();
        try (HikariDataSource pool = database.newPool("bench-" + threads, threads)) {
            RateLimitGate gate = new RateLimitGate(new RateLimitLog(pool),
                    new TikTokProperties.RateLimits(false, null, null, null, null, java.time.Duration.ZERO), clock);
            for (long account = 1; account <= 1000; account++) {
                gate.reserve(account, RateBucket.INIT);
            }
            if (!granted) {
                for (long account = 1; account <= 1000; account++) {
                    while (gate.reserve(account, RateBucket.INIT).granted()) {
                        // use up the six slots
                    }
                }
            }
            AtomicLong done = new AtomicLong();
            AtomicLong grants = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool2 = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int offset = t;
                pool2.submit(() -> {
                    long account = offset;
                    while (System.nanoTime() < end) {
                        account = account % 1000 + 1;
                        if (gate.reserve(account, RateBucket.INIT).granted()) {
                            grants.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                });
            }
            pool2.shutdown();
            pool2.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
            System.out.printf("reservations, 1000 accounts, %d threads, %s path: %.0f/s (%d in %d s, %d granted)%n",
                    threads, granted ? "granted" : "refused", done.get() / (double) seconds, done.get(), seconds, grants.get());
        }
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    /** Wall time from {@code origin}, running {@code factor} times faster. */
    private static final class ScaledClock extends Clock {
        private final Instant origin;
        private final long originNanos;
        private final long factor;

        ScaledClock(Instant origin, long originNanos, long factor) {
            this.origin = origin;
            this.originNanos = originNanos;
            this.factor = factor;
        }

        @Override
        public Instant instant() {
            return origin.plusNanos((System.nanoTime() - originNanos) * factor);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
