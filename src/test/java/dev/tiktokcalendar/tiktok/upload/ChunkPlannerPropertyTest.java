package dev.tiktokcalendar.tiktok.upload;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.tiktokcalendar.tiktok.upload.ChunkPlanner.MAX_CHUNK;
import static dev.tiktokcalendar.tiktok.upload.ChunkPlanner.MAX_LAST_CHUNK;
import static dev.tiktokcalendar.tiktok.upload.ChunkPlanner.MAX_VIDEO_SIZE;
import static dev.tiktokcalendar.tiktok.upload.ChunkPlanner.MIN_CHUNK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chunk planner as a property over sizes from 1 byte to 4 GB: for every size (all boundaries, plus 200,000
 * random sizes, log-uniform and uniform, from a fixed seed) and every allowed preferred chunk size, the plan
 * has 1-1000 chunks, chunk sizes within the rules, and contiguous ranges covering exactly the file.
 */
class ChunkPlannerPropertyTest {

    private static final long[] PREFERRED = {MIN_CHUNK, 10_000_000L, 32_000_000L, MAX_CHUNK};

    @Test
    void everyPlanFollowsTheChunkRules() {
        List<Long> sizes = boundarySizes();
        SplittableRandom random = new SplittableRandom(20260301L);
        for (int i = 0; i < 100_000; i++) {
            sizes.add(1 + random.nextLong(MAX_VIDEO_SIZE));
            sizes.add(Math.max(1, Math.min(MAX_VIDEO_SIZE, (long) Math.exp(random.nextDouble() * Math.log(MAX_VIDEO_SIZE)))));
        }
        for (long preferred : PREFERRED) {
            ChunkPlanner planner = new ChunkPlanner(preferred);
            for (long size : sizes) {
                assertRules(size, planner.plan(size));
            }
        }
    }

    @Test
    void followsTheContractsWorkedExamples() {
        ChunkPlanner planner = new ChunkPlanner(10_000_000L);

        assertThat(planner.plan(50_000_123L)).isEqualTo(new ChunkPlan(50_000_123L, 10_000_000L, 5));
        assertThat(planner.plan(50_000_123L).chunk(4).contentRange()).isEqualTo("bytes 40000000-50000122/50000123");
        assertThat(planner.plan(4_194_304L)).isEqualTo(new ChunkPlan(4_194_304L, 4_194_304L, 1));
        assertThat(planner.plan(15_000_000L)).as("one chunk declares chunk_size = video_size")
                .isEqualTo(new ChunkPlan(15_000_000L, 15_000_000L, 1));
    }

    @Test
    void aFourGigabyteVideoIsPlannedWithinTheLimits() {
        ChunkPlan plan = new ChunkPlanner(10_000_000L).plan(MAX_VIDEO_SIZE);

        assertThat(plan.totalChunkCount()).isEqualTo(429);
        assertThat(plan.chunk(428).length()).isEqualTo(MAX_VIDEO_SIZE - 428 * 10_000_000L).isLessThan(MAX_LAST_CHUNK);
        assertRules(MAX_VIDEO_SIZE, new ChunkPlanner(MIN_CHUNK).plan(MAX_VIDEO_SIZE));
    }

    @Test
    void refusesSizesOutsideOneByteToFourGigabytes() {
        ChunkPlanner planner = new ChunkPlanner(10_000_000L);
        assertThatThrownBy(() -> planner.plan(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> planner.plan(MAX_VIDEO_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkPlanner(MAX_CHUNK + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRules(long size, ChunkPlan plan) {
        assertThat(plan.videoSize()).isEqualTo(size);
        assertThat(plan.totalChunkCount()).as("count for %d", size).isBetween(1, 1000);
        assertThat(plan.totalChunkCount()).as("floor rule for %d", size).isEqualTo((int) (size / plan.chunkSize()));
        if (size < MIN_CHUNK) {
            assertThat(plan.chunkSize()).as("whole upload under 5 MB").isEqualTo(size);
        }
        if (plan.totalChunkCount() == 1) {
            assertThat(plan.chunkSize()).as("single chunk for %d", size).isEqualTo(size);
            assertThat(size).isLessThanOrEqualTo(MAX_LAST_CHUNK);
        }
        // chunk(i) is arithmetic, so the first two and last two chunks (plus the count) pin the whole plan down;
        // walking all of them for 800,000 plans would only make the test slow
        int n = plan.totalChunkCount();
        long next = 0;
        for (int i : new java.util.TreeSet<>(List.of(0, Math.min(1, n - 1), Math.max(0, n - 2), n - 1))) {
            ChunkPlan.Chunk chunk = plan.chunk(i);
            assertThat(chunk.first()).as("contiguous at chunk %d of %d", i, size).isEqualTo((long) i * plan.chunkSize());
            if (i < n - 1) {
                assertThat(chunk.length()).as("chunk %d of %d", i, size).isBetween(MIN_CHUNK, MAX_CHUNK).isEqualTo(plan.chunkSize());
            } else if (n > 1) {
                assertThat(chunk.length()).as("last chunk of %d", size)
                        .isGreaterThanOrEqualTo(plan.chunkSize()).isLessThan(2 * plan.chunkSize()).isLessThanOrEqualTo(MAX_LAST_CHUNK);
            }
            next = chunk.first() + chunk.length();
        }
        assertThat(next).as("ranges cover %d", size).isEqualTo(size);
    }

    private static List<Long> boundarySizes() {
        List<Long> sizes = new ArrayList<>();
        long[] edges = {1, 2, MIN_CHUNK, 10_000_000L, 20_000_000L, 32_000_000L, MAX_CHUNK, 2 * MAX_CHUNK, MAX_LAST_CHUNK,
                1000 * MIN_CHUNK, 1000 * 10_000_000L, MAX_VIDEO_SIZE};
        for (long edge : edges) {
            for (long delta = -2; delta <= 2; delta++) {
                long size = edge + delta;
                if (size >= 1 && size <= MAX_VIDEO_SIZE) {
                    sizes.add(size);
                }
            }
        }
        return sizes;
    }
}
