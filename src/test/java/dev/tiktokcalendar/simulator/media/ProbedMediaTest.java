package dev.tiktokcalendar.simulator.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProbedMediaTest {

    private static final Path CLIP = Path.of("src/test/resources/media/ok-h264-360x640-30fps-1s.mp4");

    @TempDir
    Path dir;

    @Test
    void contentSeenBeforeIsNotProbedAgain() throws Exception {
        ProbedMedia media = new ProbedMedia(new MediaProbe(), 8);
        Path upload = Files.copy(CLIP, dir.resolve("upload"));
        MediaInfo first = media.probe(upload, "digest-a");
        Files.delete(upload);

        assertThat(first.mimeType()).isEqualTo("video/mp4");
        assertThat(first.width()).isEqualTo(360);
        assertThat(media.probe(upload, "digest-a")).isEqualTo(first);
        assertThat(media.probe(upload, "digest-b").mimeType()).isEqualTo("application/octet-stream");
    }

    @Test
    void keepsOnlyTheNewestDigests() throws Exception {
        ProbedMedia media = new ProbedMedia(new MediaProbe(), 1);
        Path upload = Files.copy(CLIP, dir.resolve("upload"));
        media.probe(upload, "digest-a");
        media.probe(upload, "digest-b");
        Files.delete(upload);

        assertThat(media.probe(upload, "digest-b").mimeType()).isEqualTo("video/mp4");
        assertThat(media.probe(upload, "digest-a").mimeType()).isEqualTo("application/octet-stream");
    }
}
