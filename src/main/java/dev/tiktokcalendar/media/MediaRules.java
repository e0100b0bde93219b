package dev.tiktokcalendar.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TikTok's media constraints (tiktok-api.md §16) applied to probed {@link MediaFacts}: each broken rule is a
 * reason a user can act on (re-encode at 30 fps, convert to JPEG, trim to the creator's limit...).
 */
public final class MediaRules {

    static final long MAX_VIDEO_BYTES = 4L * 1024 * 1024 * 1024;
    static final long MAX_PHOTO_BYTES = 20L * 1024 * 1024;
    static final Duration API_MAX_DURATION = Duration.ofMinutes(10);
    static final int MIN_SIDE = 360;
    static final int MAX_SIDE = 4096;
    static final double MIN_FPS = 23;
    static final double MAX_FPS = 60;

    private static final String MP4_FAMILY = "mov,mp4,m4a,3gp,3g2,mj2";
    private static final String MATROSKA_FAMILY = "matroska,webm";
    private static final Set<String> VIDEO_CODECS = Set.of("h264", "hevc", "vp8", "vp9");
    private static final Set<String> WEBM_CODECS = Set.of("vp8", "vp9");
    private static final Set<String> PHOTO_FORMATS = Set.of("jpeg_pipe", "webp_pipe");

    /** The reasons this video cannot be posted by a creator whose limit is {@code maxDurationSec}; empty if none. */
    public List<String> videoProblems(MediaFacts video, int maxDurationSec) {
        List<String> problems = new ArrayList<>();
        boolean mp4 = MP4_FAMILY.equals(video.container());
        boolean webm = MATROSKA_FAMILY.equals(video.container());
        if (!mp4 && !webm) {
            problems.add("the container is " + video.container() + "; TikTok takes MP4, MOV or WebM");
        } else if (!VIDEO_CODECS.contains(video.codec()) || (webm && !WEBM_CODECS.contains(video.codec()))) {
            problems.add("the video codec is " + video.codec() + "; re-encode as H.264 (or H.265, VP8, VP9)");
        }
        if (video.frameRate() < MIN_FPS - 0.01 || video.frameRate() > MAX_FPS + 0.01) {
            problems.add(String.format("the frame rate is %.2f fps; TikTok needs 23 to 60: re-encode at 30 fps", video.frameRate()));
        }
        if (outside(video.width()) || outside(video.height())) {
            problems.add("the picture is " + video.width() + "x" + video.height() + " px; both sides must be 360 to 4096 px");
        }
        Duration limit = Duration.ofSeconds(Math.min(maxDurationSec, API_MAX_DURATION.toSeconds()));
        if (video.duration().compareTo(limit) > 0) {
            problems.add("it lasts " + seconds(video.duration()) + " s; this creator may post at most " + limit.toSeconds()
                    + " s: trim it");
        }
        if (video.sizeBytes() > MAX_VIDEO_BYTES) {
            problems.add("it is " + video.sizeBytes() + " bytes; TikTok takes at most 4 GB");
        }
        return problems;
    }

    /** The reasons this image cannot be part of a photo post; empty if none. */
    public List<String> photoProblems(MediaFacts photo) {
        List<String> problems = new ArrayList<>();
        if (!PHOTO_FORMATS.contains(photo.container())) {
            problems.add("the image format is " + photo.container().replace("_pipe", "").toUpperCase()
                    + "; TikTok takes JPEG or WebP: convert it");
        }
        if (photo.sizeBytes() > MAX_PHOTO_BYTES) {
            problems.add("it is " + photo.sizeBytes() + " bytes; TikTok takes images of at most 20 MB");
        }
        return problems;
    }

    private static boolean outside(int side) {
        return side < MIN_SIDE || side > MAX_SIDE;
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
