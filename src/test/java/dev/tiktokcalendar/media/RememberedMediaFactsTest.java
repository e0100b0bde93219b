package dev.tiktokcalendar.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedMediaFactsTest {

    @TempDir
    Path dir;

    private final AtomicInteger probes = new AtomicInteger();
    private final RememberedMediaFacts facts = new RememberedMediaFacts(new MediaProbe() {
        @Override
        public MediaFacts probe(Path file) {
            probes.incrementAndGet();
            return super.probe(file);
        }
    });

    private static Path fixture(String name) {
        return Path.of("src/test/resources/media", name);
    }

    @Test
    void aFileIsProbedOnceWhileItIsUnchanged() throws Exception {
        Path clip = Files.copy(fixture("ok-h264-360x640-30fps-1s.mp4"), dir.resolve("clip.mp4"));

        Files.createDirectory(dir.resolve("sub"));
        MediaFacts first = facts.of(clip);
        MediaFacts again = facts.of(dir.resolve("sub/../clip.mp4"));

        assertThat(again).isEqualTo(first);
        assertThat(probes).hasValue(1);
    }

    @Test
    void aFileReplacedByAnotherIsProbedAnew() throws Exception {
        Path clip = Files.copy(fixture("ok-h264-360x640-30fps-1s.mp4"), dir.resolve("clip.mp4"));
        assertThat(facts.of(clip).width()).isEqualTo(360);

        Path other = Files.copy(fixture("bad-200px.mp4"), dir.resolve("other.mp4"));
        Files.move(other, clip, StandardCopyOption.REPLACE_EXISTING);

        assertThat(facts.of(clip)).isEqualTo(new MediaProbe().probe(clip));
        assertThat(facts.of(clip).width()).isNotEqualTo(360);
        assertThat(probes).hasValue(2);
    }

    @Test
    void aFileWrittenAgainInPlaceIsProbedAnew() throws Exception {
        Path clip = Files.copy(fixture("ok-h264-360x640-30fps-1s.mp4"), dir.resolve("clip.mp4"));
        FileTime written = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));
        Files.setLastModifiedTime(clip, written);
        assertThat(facts.of(clip).codec()).isEqualTo("h264");

        Files.write(clip, Files.readAllBytes(fixture("bad-codec-mpeg4.mp4")));
        Files.setLastModifiedTime(clip, FileTime.from(written.toInstant().plusSeconds(1)));

        assertThat(facts.of(clip).codec()).isEqualTo("mpeg4");
    }

    @Test
    void aFailedProbeIsNotRemembered() throws Exception {
        Path clip = dir.resolve("late.mp4");
        assertThatThrownBy(() -> facts.of(clip)).isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("late.mp4: cannot be read");
        Files.write(clip, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> facts.of(clip)).isInstanceOf(MediaProbeException.class)
                .hasMessageContaining("not a video or image format");

        Files.copy(fixture("ok-h264-360x640-30fps-1s.mp4"), clip, StandardCopyOption.REPLACE_EXISTING);

        assertThat(facts.of(clip).codec()).isEqualTo("h264");
    }
}
