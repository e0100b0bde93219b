package dev.tiktokcalendar.tiktok.upload;

/**
 * How one video is cut for FILE_UPLOAD (contract §6.1): {@code totalChunkCount} chunks of {@code chunkSize}
 * bytes, the last one absorbing the remainder. These three numbers go into the init's {@code source_info}.
 */
public record ChunkPlan(long videoSize, long chunkSize, int totalChunkCount) {

    /** Chunk {@code index} (0-based): its first byte and its length. */
    public Chunk chunk(int index) {
        if (index < 0 || index >= totalChunkCount) {
            throw new IndexOutOfBoundsException("chunk " + index + " of " + totalChunkCount);
        }
        long first = index * chunkSize;
        long length = index == totalChunkCount - 1 ? videoSize - first : chunkSize;
        return new Chunk(index, first, length, videoSize);
    }

    /** The chunk starting at byte {@code offset}, or -1 when no chunk starts there. */
    public int chunkStartingAt(long offset) {
        if (offset % chunkSize != 0 || offset / chunkSize >= totalChunkCount) {
            return -1;
        }
        return (int) (offset / chunkSize);
    }

    /** One PUT: bytes {@code first} to {@code last()} of a {@code total}-byte file. */
    public record Chunk(int index, long first, long length, long total) {
        public long last() {
            return first + length - 1;
        }

        public String contentRange() {
            return "bytes " + first + "-" + last() + "/" + total;
        }
    }
}
