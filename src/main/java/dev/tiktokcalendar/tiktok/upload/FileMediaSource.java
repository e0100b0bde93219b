package dev.tiktokcalendar.tiktok.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A media file on disk, read straight from its position for each range. */
public record FileMediaSource(Path path) implements MediaSource {

    @Override
    public long size() throws IOException {
        return Files.size(path);
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }
}
