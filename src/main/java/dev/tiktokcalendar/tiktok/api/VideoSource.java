package dev.tiktokcalendar.tiktok.api;

import dev.tiktokcalendar.tiktok.upload.ChunkPlan;

/** {@code source_info} of a video init: FILE_UPLOAD with its chunk plan, or PULL_FROM_URL with a verified https URL. */
public record VideoSource(String source, Long videoSize, Long chunkSize, Integer totalChunkCount, String videoUrl) {

    public static VideoSource fileUpload(ChunkPlan plan) {
        return new VideoSource("FILE_UPLOAD", plan.videoSize(), plan.chunkSize(), plan.totalChunkCount(), null);
    }

    public static VideoSource pullFromUrl(String videoUrl) {
        return new VideoSource("PULL_FROM_URL", null, null, null, videoUrl);
    }
}
