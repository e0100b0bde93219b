package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.world.SimulatorSettings.ChunkRules;

import java.util.Optional;

/**
 * The FILE_UPLOAD chunk rules of contract §6.1. {@code total_chunk_count = floor(video_size / chunk_size)};
 * a single chunk carries the whole file ({@code chunk_size = video_size}) and may not exceed the chunk
 * maximum; with several chunks every chunk lies within [min, max] except the last, which absorbs the
 * remainder up to the last-chunk maximum; at most 1000 chunks. LENIENT reads "MB" generously, STRICT the
 * safe client choice, SINGLE_CHUNK what one vendor saw from 2026-08 (every multi-chunk plan refused, single
 * chunks up to 64,000,000 bytes accepted; cause unknown).
 */
public record ChunkPlan(long videoSize, long chunkSize, long totalChunkCount) {

    public static final int MAX_CHUNKS = 1000;

    public record Bounds(long minChunk, long maxChunk, long maxLastChunk, long maxChunks) {
        public static Bounds of(ChunkRules rules) {
            return switch (rules) {
                case LENIENT -> new Bounds(5_000_000, 67_108_864, 134_217_728, MAX_CHUNKS);
                case STRICT -> new Bounds(5_242_880, 64_000_000, 128_000_000, MAX_CHUNKS);
                case SINGLE_CHUNK -> new Bounds(5_242_880, 64_000_000, 64_000_000, 1);
            };
        }
    }

    /** Why the plan is invalid, or empty when TikTok would accept it. */
    public Optional<String> problem(Bounds bounds) {
        if (videoSize <= 0 || chunkSize <= 0 || totalChunkCount <= 0) {
            return Optional.of("video_size, chunk_size and total_chunk_count must be positive");
        }
        if (totalChunkCount != videoSize / chunkSize) {
            return Optional.of("total_chunk_count must be floor(video_size / chunk_size)");
        }
        if (totalChunkCount > bounds.maxChunks()) {
            return Optional.of("at most " + bounds.maxChunks() + " chunks");
        }
        if (totalChunkCount == 1) {
            if (chunkSize != videoSize) {
                return Optional.of("a single-chunk upload must have chunk_size = video_size");
            }
            return videoSize > bounds.maxChunk()
                    ? Optional.of("files above the chunk maximum must be split") : Optional.empty();
        }
        if (chunkSize < bounds.minChunk() || chunkSize > bounds.maxChunk()) {
            return Optional.of("chunk_size outside [" + bounds.minChunk() + ", " + bounds.maxChunk() + "]");
        }
        long lastChunk = videoSize - (totalChunkCount - 1) * chunkSize;
        if (lastChunk > bounds.maxLastChunk()) {
            return Optional.of("the last chunk exceeds " + bounds.maxLastChunk() + " bytes");
        }
        return Optional.empty();
    }
}
