package dev.tiktokcalendar.tiktok.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.TikTokClients;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.TikTokProperties.Limit;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.VideoPostInfo;
import dev.tiktokcalendar.tiktok.api.VideoSource;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.upload.ChunkPlanner;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two client instances (own pools, own in-process fronts, own node names) on one database send inits for one
 * account as fast as they are allowed, for about 4.5 s, with TikTok's 6-per-minute limit time-scaled to 6 per
 * 1.5 s. The simulator enforces 6 per 1 s: stricter, because our slots are stamped when reserved while TikTok counts
 * arrivals, and on this loaded 2-core machine a request can spend a few hundred ms in between. It must never see a
 * request over its limit, and every refusal of ours must be a DEFER with an instant.
 */
class TwoClientsInitLimitTest {

    @Test
    void twoClientsOnOneDatabaseNeverExceedTheInitLimitOfOneAccount() throws Exception {
        ClientDatabase database = ClientDatabase.migrated("two-clients");
        try (TikTokSimulator sim = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
                List.of(WorldCreator.named("popular").withDailyPostCap(1000)), SimulatorSettings.builder()
                .rateLimits(new RateLimitSettings(true, null, true, Duration.ofMillis(1000), 6, 1000, 1000, 1000)).build())).start();
             HikariDataSource poolA = database.newPool("client-a", 4); HikariDataSource poolB = database.newPool("client-b", 4)) {
            ClientFixture fixture = new ClientFixture(sim, database);
            TikTokProperties settings = fixture.settings().withRateLimits(new TikTokProperties.RateLimits(true,
                    new Limit(6, Duration.ofMillis(1000)), new Limit(1000, null), new Limit(1000, null), new Limit(1000, null),
                    Duration.ofMillis(500)));
            TikTokClients clientA = fixture.clients(settings, poolA, Clock.systemUTC(), "client-a");
            TikTokClients clientB = fixture.clients(settings, poolB, Clock.systemUTC(), "client-b");
            long account = fixture.connect("popular");
            DirectVideoInit init = new DirectVideoInit(new VideoPostInfo("t", "SELF_ONLY", false, false, false, null, false, false, false),
                    VideoSource.fileUpload(new ChunkPlanner(10_000_000L).plan(1000)));
            // warm both clients up (connections, JIT): a slot is stamped when reserved, TikTok counts on arrival
            assertThat(clientA.client().creatorInfo(account).isOk()).isTrue();
            assertThat(clientB.client().creatorInfo(account).isOk()).isTrue();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4500);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<List<TikTokResult<?>>>> workers = new ArrayList<>();
            for (TikTokClients client : List.of(clientA, clientB, clientA, clientB)) {
                workers.add(threads.submit(() -> {
                    List<TikTokResult<?>> results = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        TikTokResult<?> result = client.client().initDirectVideo(account, init);
                        results.add(result);
                        if (!result.isOk()) {
                            Thread.sleep(5);
                        }
                    }
                    return results;
                }));
            }
            List<TikTokResult<?>> results = new ArrayList<>();
            for (Future<List<TikTokResult<?>>> worker : workers) {
                results.addAll(worker.get(30, TimeUnit.SECONDS));
            }
            threads.shutdown();

            assertThat(sim.overLimitRequests()).as("requests TikTok would have refused with 429").isEmpty();
            assertThat(sim.requestLog()).filteredOn(r -> r.endpoint() == Endpoint.VIDEO_INIT)
                    .allMatch(r -> r.httpStatus() == 200).hasSizeBetween(12, 24);
            assertThat(results).filteredOn(r -> !r.isOk()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.error().errorClass()).isEqualTo(ErrorClass.DEFER);
                assertThat(r.error().code()).isEqualTo("local_rate_limit");
                assertThat(r.error().retryAt()).isNotNull();
            });
        }
    }
}
