package dev.tiktokcalendar.simulator.media;

/**
 * What probing found: the detected MIME type, and for MP4/MOV/WebM the duration (s), frame rate (fps) and frame
 * size of the first video track; zeros where the format is not a video or had no video track.
 */
public record MediaInfo(String mimeType, long sizeBytes, double durationSec, double frameRate, int width, int height) {

    public boolean isIsoMedia() {
        return "video/mp4".equals(mimeType) || "video/quicktime".equals(mimeType);
    }

    public boolean isWebm() {
        return "video/webm".equals(mimeType) || "application/x-matroska".equals(mimeType);
    }
}
