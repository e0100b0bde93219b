package dev.tiktokcalendar.tiktok.upload;

/**
 * Plans FILE_UPLOAD chunks by the rules of contract §6.1, with the safe reading of "MB": files under
 * 5,242,880 bytes go whole; otherwise chunks are between 5,242,880 and 64,000,000 bytes (the preferred size, when
 * it fits), at most 1000 of them, {@code total = floor(size / chunk)}, and the last chunk absorbs the remainder
 * (so it is shorter than two chunks and at most 128,000,000 bytes). A single-chunk plan always declares
 * {@code chunk_size = video_size}.
 */
public final class ChunkPlanner {

    public static final long MIN_CHUNK = 5_242_880L;
    public static final long MAX_CHUNK = 64_000_000L;
    public static final long MAX_LAST_CHUNK = 128_000_000L;
    public static final int MAX_CHUNKS = 1000;
    /** TikTok's documented video size limit (contract §16): 4 GB. */
    public static final long MAX_VIDEO_SIZE = 4L * 1024 * 1024 * 1024;

    private final long preferredChunk;

    public ChunkPlanner(long preferredChunk) {
        if (preferredChunk < MIN_CHUNK || preferredChunk > MAX_CHUNK) {
            throw new IllegalArgumentException("tiktok.chunk-size must be within " + MIN_CHUNK + " and " + MAX_CHUNK);
        }
        this.preferredChunk = preferredChunk;
    }

    public ChunkPlan plan(long videoSize) {
        if (videoSize < 1 || videoSize > MAX_VIDEO_SIZE) {
            throw new IllegalArgumentException("video size " + videoSize + " is outside 1 byte to 4 GB");
        }
        if (videoSize <= preferredChunk) {
            return new ChunkPlan(videoSize, videoSize, 1);
        }
        // the fewest chunks needed is ceil(size / MAX_CHUNK); grow the chunk when 1000 preferred chunks are not enough
        long chunk = Math.max(preferredChunk, ceilDiv(videoSize, MAX_CHUNKS));
        int total = (int) (videoSize / chunk);
        if (total <= 1) {
            return new ChunkPlan(videoSize, videoSize, 1);
        }
        return new ChunkPlan(videoSize, chunk, total);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
