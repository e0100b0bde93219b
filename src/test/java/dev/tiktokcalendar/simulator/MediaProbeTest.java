package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.media.MediaInfo;
import dev.tiktokcalendar.simulator.media.MediaProbe;
import dev.tiktokcalendar.simulator.media.VideoChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MediaProbeTest {

    private final MediaProbe probe = new MediaProbe();

    @Test
    void readsContainerDurationFrameRateAndSizeOfAnMp4(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("a.bin"), TestMedia.mp4(12.5, 30, 1080, 1920));

        MediaInfo media = probe.probe(file);

        assertThat(media.mimeType()).isEqualTo("video/mp4");
        assertThat(media.durationSec()).isCloseTo(12.5, within(0.01));
        assertThat(media.frameRate()).isCloseTo(30, within(0.5));
        assertThat(media.width()).isEqualTo(1080);
        assertThat(media.height()).isEqualTo(1920);
        assertThat(VideoChecks.failReason(media, 600, Duration.ZERO)).isEmpty();
    }

    @Test
    void recognisesQuickTime(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("a.bin"), TestMedia.mov(5, 25, 720, 1280));

        assertThat(probe.probe(file).mimeType()).isEqualTo("video/quicktime");
    }

    @Test
    void failsTheChecksAsTikTokWould(@TempDir Path dir) throws IOException {
        assertThat(check(dir, TestMedia.garbage(4000), 600)).hasValue("file_format_check_failed");
        assertThat(check(dir, TestMedia.mp4(200, 30, 1080, 1920), 180)).hasValue("duration_check_failed");
        assertThat(check(dir, TestMedia.mp4(10, 15, 1080, 1920), 600)).hasValue("frame_rate_check_failed");
        assertThat(check(dir, TestMedia.mp4(10, 30, 200, 200), 600)).hasValue("picture_size_check_failed");
    }

    private java.util.Optional<String> check(Path dir, byte[] bytes, int maxDuration) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "m", ".bin"), bytes);
        return VideoChecks.failReason(probe.probe(file), maxDuration, Duration.ZERO);
    }

    @Test
    void aWebmIsMeasuredAndCheckedLikeAnMp4() {
        MediaInfo webm = probe.probe(Path.of("src/test/resources/media/ok-vp9-24fps.webm"));

        assertThat(webm.isWebm()).isTrue();
        assertThat(webm.frameRate()).isCloseTo(24.0, within(0.01));
        assertThat(webm.width()).isEqualTo(360);
        assertThat(webm.height()).isEqualTo(640);
        assertThat(webm.durationSec()).isCloseTo(1.0, within(0.1));
        assertThat(VideoChecks.failReason(webm, 600, Duration.ZERO)).isEmpty();
        assertThat(VideoChecks.failReason(webm, 600, Duration.ofSeconds(3))).contains("duration_check_failed");
    }
}
