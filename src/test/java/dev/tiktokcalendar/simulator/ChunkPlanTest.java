package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.publish.ChunkPlan;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.ChunkRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §6.1 as a table of sizes, checked through a real {@code video/init}. */
class ChunkPlanTest {

    private static final long MIB = 1024 * 1024;
    private static TikTokSimulator lenient;
    private static TikTokSimulator strict;
    private static TikTokSimulator tenGigabytes;
    private static TikTokSimulator singleChunk;

    @BeforeAll
    static void start() {
        MutableClock clock = MutableClock.atFixedStart();
        lenient = TestWorlds.start(TestWorlds.standard(unlimited().build()), clock);
        strict = TestWorlds.start(TestWorlds.standard(unlimited().chunkRules(ChunkRules.STRICT).build()), clock);
        tenGigabytes = TestWorlds.start(TestWorlds.standard(unlimited().maxVideoSize(10_000_000_000L).build()), clock);
        singleChunk = TestWorlds.start(TestWorlds.standard(unlimited().chunkRules(ChunkRules.SINGLE_CHUNK).build()), clock);
    }

    private static dev.tiktokcalendar.simulator.world.SimulatorSettingsBuilder unlimited() {
        return TestWorlds.defaultSettings().rateLimits(
                dev.tiktokcalendar.simulator.world.RateLimitSettings.defaults().withLimits(100_000, 100_000, 100_000, 100_000));
    }

    @AfterAll
    static void stop() {
        lenient.close();
        strict.close();
        tenGigabytes.close();
        singleChunk.close();
    }

    @ParameterizedTest(name = "{0}: size={1} chunk={2} total={3} → {4}")
    @CsvSource({
            "1 byte whole,                        1,          1,          1,    accepted",
            "4 MiB whole,                         4194304,    4194304,    1,    accepted",
            "4 MiB in two chunks,                 4194304,    2097152,    2,    invalid",
            "exactly 5 MB whole,                  5000000,    5000000,    1,    accepted",
            "exactly 5 MiB whole,                 5242880,    5242880,    1,    accepted",
            "10 MB in 5 MB chunks,                10000000,   5000000,    2,    accepted",
            "chunk just below 5 MB,               9999998,    4999999,    2,    invalid",
            "worked example 50000123,             50000123,   10000000,   5,    accepted",
            "total must be floor(size/chunk),     50000123,   10000000,   6,    invalid",
            "15 MB with 10 MB chunk single,       15000000,   10000000,   1,    invalid",
            "64 MiB whole,                        67108864,   67108864,   1,    accepted",
            "64 MiB + 1 whole,                    67108865,   67108865,   1,    invalid",
            "64 MiB + 1 split,                    67108865,   10000000,   6,    accepted",
            "chunk of 64 MiB,                     134217728,  67108864,   2,    accepted",
            "chunk of 64 MiB + 1,                 134217730,  67108865,   2,    invalid",
            "last chunk just under 128 MiB,       201326591,  67108864,   2,    accepted",
            "file of exactly 4 GiB,               4294967296, 67108864,   64,   accepted",
            "file above 4 GiB,                    4294967297, 67108864,   64,   invalid",
            "zero size,                           0,          0,          0,    invalid",
    })
    void lenientRules(String description, long size, long chunk, long total, String expected) {
        assertThat(init(lenient, size, chunk, total)).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: size={1} chunk={2} total={3} → {4}")
    @CsvSource({
            "5 MB chunks are below 5 MiB,         10000000,   5000000,    2,    invalid",
            "5 MiB chunks,                        10485760,   5242880,    2,    accepted",
            "64 MB (decimal) chunks,              128000000,  64000000,   2,    accepted",
            "64 MiB chunks are above 64 MB,       134217728,  67108864,   2,    invalid",
            "64 MiB whole is above 64 MB,         67108864,   67108864,   1,    invalid",
    })
    void strictRules(String description, long size, long chunk, long total, String expected) {
        assertThat(init(strict, size, chunk, total)).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: size={1} chunk={2} total={3} → {4}")
    @CsvSource({
            "1 byte whole,                        1,          1,          1,    accepted",
            "64 MB (decimal) whole,               64000000,   64000000,   1,    accepted",
            "64 MB + 1 whole,                     64000001,   64000001,   1,    invalid",
            "worked example 50000123,             50000123,   10000000,   5,    invalid",
            "two 5 MiB chunks,                    10485760,   5242880,    2,    invalid",
    })
    void singleChunkRulesAsObservedFrom2026August(String description, long size, long chunk, long total, String expected) {
        assertThat(init(singleChunk, size, chunk, total)).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1000 chunks,  5000000000, 5000000, 1000, accepted",
            "1001 chunks,  5005000000, 5000000, 1001, invalid",
    })
    void chunkCountBoundNeedsAFileAboveFourGibibytes(String description, long size, long chunk, long total, String expected) {
        assertThat(init(tenGigabytes, size, chunk, total)).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "last chunk bound {0}")
    @CsvSource({"134217728, accepted", "134217729, invalid"})
    void lastChunkBoundIsCheckedOnItsOwn(long lastChunk, String expected) {
        // floor() keeps the last chunk below 2 × chunk_size, so the 128 MB bound only bites for huge chunks
        ChunkPlan.Bounds bounds = new ChunkPlan.Bounds(5_000_000, 100_000_000, 134_217_728, ChunkPlan.MAX_CHUNKS);
        ChunkPlan plan = new ChunkPlan(100_000_000 + lastChunk, 100_000_000, 2);

        assertThat(plan.problem(bounds).isEmpty() ? "accepted" : "invalid").isEqualTo(expected);
    }

    private static String init(TikTokSimulator sim, long size, long chunk, long total) {
        SimulatorApi api = new SimulatorApi(sim);
        Reply reply = api.postJson("/v2/post/publish/video/init/", api.token(TestWorlds.PUBLIC),
                SimulatorApi.directVideoBody("SELF_ONLY", "chunks", size, chunk, total));
        if (reply.status() == 200) {
            assertThat(reply.data().path("upload_url").asString()).startsWith(sim.baseUrl() + "/video/?upload_id=");
            return "accepted";
        }
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_param");
        return "invalid";
    }
}
