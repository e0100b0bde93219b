package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.tiktok.upload.MediaSource;

import java.nio.file.Path;

/**
 * How a post's video reaches TikTok: TikTok pulls it from a verified https URL, or we stream it up in chunks
 * from a local file (which we can probe first) or from an https source that is not verified.
 */
public sealed interface MediaPlan {

    record Pull(String url) implements MediaPlan {
    }

    record Upload(MediaSource source, Path localFile, String contentType) implements MediaPlan {
    }
}
