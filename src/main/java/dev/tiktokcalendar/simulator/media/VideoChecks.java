package dev.tiktokcalendar.simulator.media;

import java.time.Duration;
import java.util.Optional;

/**
 * TikTok's media checks on a probed video (contract §16), in the order of their {@code fail_reason}s:
 * container MP4/MOV/WebM, duration within [minimum, creator's maximum], 23–60 fps, 360–4096 px per side.
 */
public final class VideoChecks {

    private VideoChecks() {
    }

    public static Optional<String> failReason(MediaInfo media, int maxDurationSec, Duration minDuration) {
        if (!media.isIsoMedia() && !media.isWebm()) {
            return Optional.of("file_format_check_failed");
        }
        if (media.durationSec() <= 0 || media.durationSec() > maxDurationSec
                || media.durationSec() < minDuration.toMillis() / 1000.0) {
            return Optional.of("duration_check_failed");
        }
        if (media.frameRate() < 23 || media.frameRate() > 60.5) {
            return Optional.of("frame_rate_check_failed");
        }
        if (media.width() < 360 || media.height() < 360 || media.width() > 4096 || media.height() > 4096) {
            return Optional.of("picture_size_check_failed");
        }
        return Optional.empty();
    }

    /** Photos: JPEG or WebP (PNG is not listed), at most 20 MB each. */
    public static Optional<String> photoFailReason(MediaInfo media) {
        if (!"image/jpeg".equals(media.mimeType()) && !"image/webp".equals(media.mimeType())) {
            return Optional.of("file_format_check_failed");
        }
        if (media.sizeBytes() > 20L * 1024 * 1024) {
            return Optional.of("picture_size_check_failed");
        }
        return Optional.empty();
    }
}
