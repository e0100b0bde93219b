package dev.tiktokcalendar.simulator;

import org.mp4parser.Box;
import org.mp4parser.boxes.iso14496.part12.FileTypeBox;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MediaInformationBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleTableBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.List;

/** Builds small but real MP4/MOV files (box structure written by mp4parser) with a chosen duration, fps and size. */
final class TestMedia {

    private static final java.util.Date EPOCH = new java.util.Date(1_700_000_000_000L);

    private TestMedia() {
    }

    static byte[] mp4(double durationSec, int fps, int width, int height) {
        return iso("isom", durationSec, fps, width, height);
    }

    static byte[] mov(double durationSec, int fps, int width, int height) {
        return iso("qt  ", durationSec, fps, width, height);
    }

    /** A valid 10 s MP4 grown to {@code totalSize} by a trailing {@code free} box, for uploads that need a given size. */
    static byte[] mp4OfSize(int totalSize) {
        byte[] header = mp4(10, 30, 1080, 1920);
        int padding = totalSize - header.length;
        if (padding < 8) {
            throw new IllegalArgumentException("an MP4 of " + totalSize + " bytes leaves no room for a free box");
        }
        byte[] file = Arrays.copyOf(header, totalSize);
        java.nio.ByteBuffer.wrap(file, header.length, 8).putInt(padding).put("free".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return file;
    }

    static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    private static byte[] iso(String brand, double durationSec, int fps, int width, int height) {
        long timescale = 1000;
        long duration = Math.round(durationSec * timescale);
        MovieBox movie = new MovieBox();
        MovieHeaderBox movieHeader = new MovieHeaderBox();
        movieHeader.setTimescale(timescale);
        movieHeader.setDuration(duration);
        movieHeader.setNextTrackId(2);
        movieHeader.setCreationTime(EPOCH);
        movieHeader.setModificationTime(EPOCH);
        movie.addBox(movieHeader);

        TrackBox track = new TrackBox();
        TrackHeaderBox trackHeader = new TrackHeaderBox();
        trackHeader.setTrackId(1);
        trackHeader.setCreationTime(EPOCH);
        trackHeader.setModificationTime(EPOCH);
        trackHeader.setDuration(duration);
        trackHeader.setWidth(width);
        trackHeader.setHeight(height);
        track.addBox(trackHeader);

        MediaBox media = new MediaBox();
        MediaHeaderBox mediaHeader = new MediaHeaderBox();
        mediaHeader.setTimescale(timescale);
        mediaHeader.setDuration(duration);
        mediaHeader.setCreationTime(EPOCH);
        mediaHeader.setModificationTime(EPOCH);
        media.addBox(mediaHeader);
        HandlerBox handler = new HandlerBox();
        handler.setHandlerType("vide");
        handler.setName("VideoHandler");
        media.addBox(handler);
        MediaInformationBox information = new MediaInformationBox();
        SampleTableBox samples = new SampleTableBox();
        TimeToSampleBox timeToSample = new TimeToSampleBox();
        long frames = Math.round(durationSec * fps);
        timeToSample.setEntries(List.of(new TimeToSampleBox.Entry(frames, timescale / Math.max(1, fps))));
        samples.addBox(timeToSample);
        information.addBox(samples);
        media.addBox(information);
        track.addBox(media);
        movie.addBox(track);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel channel = Channels.newChannel(out)) {
            write(new FileTypeBox(brand, 512, List.of(brand, "mp41")), channel);
            write(movie, channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Box box, WritableByteChannel channel) throws IOException {
        box.getBox(channel);
    }
}
