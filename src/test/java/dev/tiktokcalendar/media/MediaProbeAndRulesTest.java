package dev.tiktokcalendar.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MediaProbeAndRulesTest {

    private final MediaProbe probe = new MediaProbe();
    private final MediaRules rules = new MediaRules();

    private static Path fixture(String name) {
        return Path.of("src/test/resources/media", name);
    }

    @Test
    void probesAnH264Mp4FromItsBytes() {
        MediaFacts facts = probe.probe(fixture("ok-h264-360x640-30fps-1s.mp4"));

        assertThat(facts.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(facts.codec()).isEqualTo("h264");
        assertThat(facts.width()).isEqualTo(360);
        assertThat(facts.height()).isEqualTo(640);
        assertThat(facts.frameRate()).isCloseTo(30.0, within(0.01));
        assertThat(facts.duration()).isBetween(Duration.ofMillis(950), Duration.ofMillis(1100));
        assertThat(facts.sizeBytes()).isEqualTo(10555);
    }

    @ParameterizedTest
    @CsvSource({"ok-h264-360x640-30fps-1s.mp4", "ok-h264.mov", "ok-vp9-24fps.webm"})
    void acceptedVideosBreakNoRule(String file) {
        assertThat(rules.videoProblems(probe.probe(fixture(file)), 600)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad-10fps.mp4|the frame rate is 10.00 fps; TikTok needs 23 to 60: re-encode at 30 fps",
            "bad-200px.mp4|the picture is 200x356 px; both sides must be 360 to 4096 px",
            "bad-codec-mpeg4.mp4|the video codec is mpeg4; re-encode as H.264 (or H.265, VP8, VP9)",
    })
    void eachBrokenRuleIsNamedWithTheFix(String file, String problem) {
        assertThat(rules.videoProblems(probe.probe(fixture(file)), 600)).containsExactly(problem);
    }

    @Test
    void aVideoLongerThanTheCreatorsLimitMustBeTrimmed() {
        assertThat(rules.videoProblems(probe.probe(fixture("ok-h264-4s.mp4")), 3))
                .singleElement().asString().matches("it lasts 4\\.\\d s; this creator may post at most 3 s: trim it");
    }

    @Test
    void aFileThatIsNotMediaIsRefusedByItsBytesNotItsName() {
        assertThatThrownBy(() -> probe.probe(fixture("not-a-video.mp4")))
                .isInstanceOf(MediaProbeException.class)
                .hasMessage("not-a-video.mp4: not a video or image format FFmpeg recognises");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> probe.probe(fixture("nope.mp4")))
                .isInstanceOf(MediaProbeException.class).hasMessageContaining("nope.mp4: cannot be read");
    }

    @Test
    void photosMustBeJpegOrWebp() {
        assertThat(rules.photoProblems(probe.probe(fixture("photo.jpg")))).isEmpty();
        assertThat(rules.photoProblems(probe.probe(fixture("photo.webp")))).isEmpty();
        assertThat(rules.photoProblems(probe.probe(fixture("photo.png"))))
                .containsExactly("the image format is PNG; TikTok takes JPEG or WebP: convert it");
    }

    @Test
    void aPngNamedJpgIsStillAPng(@TempDir Path dir) throws Exception {
        Path disguised = Files.copy(fixture("photo.png"), dir.resolve("holiday.jpg"));

        assertThat(rules.photoProblems(probe.probe(disguised)))
                .containsExactly("the image format is PNG; TikTok takes JPEG or WebP: convert it");
    }

    @Test
    void sizeLimitsAreFourGigabytesForVideosAndTwentyMegabytesForPhotos() {
        MediaFacts huge = new MediaFacts("mov,mp4,m4a,3gp,3g2,mj2", "h264", 1080, 1920, 30, Duration.ofSeconds(10),
                4L * 1024 * 1024 * 1024 + 1);
        assertThat(rules.videoProblems(huge, 600)).containsExactly("it is 4294967297 bytes; TikTok takes at most 4 GB");
        MediaFacts bigPhoto = new MediaFacts("jpeg_pipe", "mjpeg", 1080, 1920, 0, Duration.ZERO, 20L * 1024 * 1024 + 1);
        assertThat(rules.photoProblems(bigPhoto)).containsExactly("it is 20971521 bytes; TikTok takes images of at most 20 MB");
    }
}
