package dev.tiktokcalendar.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The facts of media files already probed, by version of the file. Agencies post one clip to many accounts, and a
 * deferred or retried post is checked again before each init; FFmpeg's probe of the 1 s H.264 test clip took 1.1-1.9 ms
 * (it decodes the first frames), against one read of the file's attributes.
 * <p>
 * A file is the same version while its identity (device and inode where the file system has them), size and
 * modification time are: a file written again or replaced by another is probed anew. A probe that fails is not
 * remembered, as the file may still be being copied in.
 */
@Component
public class RememberedMediaFacts {

    /** A few small objects per file: bounded for a media root of any size. */
    static final int MAXIMUM_FILES = 10_000;

    private final MediaProbe probe;
    private final Cache<FileVersion, MediaFacts> facts = Caffeine.newBuilder().maximumSize(MAXIMUM_FILES).build();

    public RememberedMediaFacts(MediaProbe probe) {
        this.probe = probe;
    }

    /** @throws MediaProbeException when the file cannot be read or holds no picture FFmpeg recognises */
    public MediaFacts of(Path file) {
        return facts.get(FileVersion.of(file), version -> probe.probe(file));
    }

    private record FileVersion(Path path, Object identity, long size, FileTime modified) {

        static FileVersion of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileVersion(file.toAbsolutePath().normalize(), attributes.fileKey(), attributes.size(),
                        attributes.lastModifiedTime());
            } catch (IOException e) {
                throw new MediaProbeException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
