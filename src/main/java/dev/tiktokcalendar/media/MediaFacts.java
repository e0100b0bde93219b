package dev.tiktokcalendar.media;

import java.time.Duration;

/**
 * What a media file is, as probed from its bytes (never from its name).
 *
 * @param container FFmpeg's demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}, {@code matroska,webm}, {@code jpeg_pipe}
 * @param codec     FFmpeg's codec name of the first video stream, e.g. {@code h264}, {@code hevc}, {@code vp9}, {@code mjpeg}
 * @param frameRate average frames per second; 0 for images
 * @param duration  zero for images
 */
public record MediaFacts(String container, String codec, int width, int height, double frameRate, Duration duration,
                         long sizeBytes) {
}
