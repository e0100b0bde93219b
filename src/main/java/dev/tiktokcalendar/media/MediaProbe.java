package dev.tiktokcalendar.media;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_SCORE_RETRY;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Probes a media file with FFmpeg's libavformat, as {@code ffprobe} would: the container is recognised from
 * the bytes, then the first video stream gives codec, size and frame rate. Images (JPEG, WebP, PNG) are probed
 * the same way. Nothing is decoded, so probing a 4 GB file reads only its headers.
 */
@Component
public class MediaProbe {

    private static final int PROBE_BYTES = 64 * 1024;
    private static final int FIRST_LOOK_BYTES = 2048;

    static {
        av_log_set_level(AV_LOG_QUIET);
    }

    /** @throws MediaProbeException when the file cannot be read or holds no picture FFmpeg recognises */
    public MediaFacts probe(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new MediaProbeException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        AVInputFormat format = formatFromContent(file);
        AVFormatContext context = new AVFormatContext(null);
        if (format == null || avformat_open_input(context, file.toAbsolutePath().toString(), format, null) < 0) {
            throw new MediaProbeException(file.getFileName() + ": not a video or image format FFmpeg recognises");
        }
        try {
            if (avformat_find_stream_info(context, (PointerPointer<?>) null) < 0) {
                throw new MediaProbeException(file.getFileName() + ": its streams cannot be read");
            }
            AVStream video = firstVideoStream(context);
            if (video == null) {
                throw new MediaProbeException(file.getFileName() + ": holds no video or image stream");
            }
            AVCodecParameters parameters = video.codecpar();
            long durationMicros = context.duration() > 0 ? context.duration() * (1_000_000L / AV_TIME_BASE) : 0;
            return new MediaFacts(context.iformat().name().getString(),
                    avcodec_get_name(parameters.codec_id()).getString(),
                    parameters.width(), parameters.height(), frameRate(video), Duration.ofNanos(durationMicros * 1000), size);
        } finally {
            avformat_close_input(context);
        }
    }

    /**
     * Decided from the first bytes alone: FFmpeg's image2 demuxer would otherwise trust the file extension. Like
     * {@code av_probe_input_buffer2} (what {@code avformat_open_input} and ffprobe do), the demuxers look at 2 KB first
     * and at twice as much each time none is sure (score above {@code AVPROBE_SCORE_RETRY}); the last look takes any
     * match. Every demuxer scans what it is given, so most files cost one 2 KB look instead of a 64 KB one.
     */
    private static AVInputFormat formatFromContent(Path file) {
        byte[] head = new byte[PROBE_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, PROBE_BYTES);
        } catch (IOException e) {
            throw new MediaProbeException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try (BytePointer buffer = new BytePointer((long) read + AVPROBE_PADDING_SIZE);
             BytePointer noName = new BytePointer("");
             AVProbeData probeData = new AVProbeData()) {
            probeData.buf(buffer).filename(noName);
            for (int size = Math.min(FIRST_LOOK_BYTES, read); ; size = Math.min(size * 2, read)) {
                boolean lastLook = size == read;
                buffer.zero(); // what follows the look is zero padding, as FFmpeg's own probe buffer has
                buffer.put(head, 0, size);
                int[] score = {lastLook ? 0 : AVPROBE_SCORE_RETRY};
                AVInputFormat format = av_probe_input_format2(probeData.buf_size(size), 1, score);
                if (format != null || lastLook) {
                    return format;
                }
            }
        }
    }

    private static AVStream firstVideoStream(AVFormatContext context) {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                return stream;
            }
        }
        return null;
    }

    private static double frameRate(AVStream stream) {
        AVRational average = stream.avg_frame_rate();
        if (average.den() != 0 && average.num() != 0) {
            return (double) average.num() / average.den();
        }
        AVRational real = stream.r_frame_rate();
        return real.den() == 0 ? 0 : (double) real.num() / real.den();
    }
}
