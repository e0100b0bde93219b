package dev.tiktokcalendar.simulator.media;

import dev.tiktokcalendar.media.MediaFacts;
import dev.tiktokcalendar.media.MediaProbeException;
import org.apache.tika.Tika;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.FileTypeBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Probes received media with maintained libraries: Apache Tika detects the container from the bytes, and
 * mp4parser reads duration, frame rate and size from MP4/MOV boxes; WebM is measured with FFmpeg's libavformat.
 */
public final class MediaProbe {

    private static final Tika TIKA = new Tika();
    private static final dev.tiktokcalendar.media.MediaProbe FFMPEG = new dev.tiktokcalendar.media.MediaProbe();

    public MediaInfo probe(Path file) {
        long size;
        String mime;
        try {
            size = Files.size(file);
            mime = TIKA.detect(file);
        } catch (IOException e) {
            return new MediaInfo("application/octet-stream", 0, 0, 0, 0, 0);
        }
        if ("video/mp4".equals(mime) || "video/quicktime".equals(mime) || "video/x-m4v".equals(mime)) {
            return probeIso(file, size);
        }
        if ("video/webm".equals(mime) || "application/x-matroska".equals(mime)) {
            return probeMatroska(file, mime, size);
        }
        return new MediaInfo(mime, size, 0, 0, 0, 0);
    }

    /** mp4parser reads no Matroska: FFmpeg's libavformat measures WebM (as the calendar itself does). */
    private static MediaInfo probeMatroska(Path file, String mime, long size) {
        try {
            MediaFacts facts = FFMPEG.probe(file);
            return new MediaInfo(mime, size, facts.duration().toMillis() / 1000.0, facts.frameRate(), facts.width(),
                    facts.height());
        } catch (MediaProbeException e) {
            return new MediaInfo("application/octet-stream", size, 0, 0, 0, 0);
        }
    }

    private static MediaInfo probeIso(Path file, long size) {
        try (IsoFile iso = new IsoFile(file.toFile())) {
            // Tika calls every ISO file with an unlisted brand (even "isom") QuickTime; the ftyp brand decides
            FileTypeBox fileType = iso.getBoxes(FileTypeBox.class).stream().findFirst().orElse(null);
            String mime = fileType != null && "qt  ".equals(fileType.getMajorBrand()) ? "video/quicktime" : "video/mp4";
            MovieBox movie = iso.getMovieBox();
            if (movie == null || movie.getMovieHeaderBox() == null) {
                return new MediaInfo("application/octet-stream", size, 0, 0, 0, 0);
            }
            MovieHeaderBox header = movie.getMovieHeaderBox();
            double duration = header.getTimescale() == 0 ? 0 : (double) header.getDuration() / header.getTimescale();
            for (TrackBox track : movie.getBoxes(TrackBox.class)) {
                MediaBox media = track.getMediaBox();
                if (media == null || media.getHandlerBox() == null || !"vide".equals(media.getHandlerBox().getHandlerType())) {
                    continue;
                }
                return new MediaInfo(mime, size, duration, frameRate(track, media.getMediaHeaderBox()),
                        (int) track.getTrackHeaderBox().getWidth(), (int) track.getTrackHeaderBox().getHeight());
            }
            return new MediaInfo(mime, size, duration, 0, 0, 0);
        } catch (IOException | RuntimeException e) {
            // a file that claims to be MP4 but does not parse is what TikTok calls a format failure
            return new MediaInfo("application/octet-stream", size, 0, 0, 0, 0);
        }
    }

    private static double frameRate(TrackBox track, MediaHeaderBox mediaHeader) {
        TimeToSampleBox timeToSample = track.getSampleTableBox() == null ? null
                : track.getSampleTableBox().getTimeToSampleBox();
        if (timeToSample == null || mediaHeader == null || mediaHeader.getDuration() == 0) {
            return 0;
        }
        long frames = timeToSample.getEntries().stream().mapToLong(TimeToSampleBox.Entry::getCount).sum();
        return frames / ((double) mediaHeader.getDuration() / mediaHeader.getTimescale());
    }
}
