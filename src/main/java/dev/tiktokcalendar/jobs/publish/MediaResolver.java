package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.tiktok.upload.FileMediaSource;
import dev.tiktokcalendar.tiktok.upload.HttpMediaSource;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a post's media entry into a {@link MediaPlan}: an https URL under a verified prefix is pulled by TikTok,
 * another https URL is streamed up by us, anything else is a path under the media root that may never escape it.
 */
@Component
public class MediaResolver {

    private final PublishingProperties properties;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public MediaResolver(PublishingProperties properties) {
        this.properties = properties;
    }

    /** @throws IllegalArgumentException naming the entry and what is wrong with it */
    public MediaPlan videoPlan(String media) {
        if (properties.isVerifiedUrl(media)) {
            return new MediaPlan.Pull(media);
        }
        if (media.startsWith("https://")) {
            return new MediaPlan.Upload(new HttpMediaSource(http, URI.create(media), Duration.ofMinutes(5)), null,
                    contentType(URI.create(media).getPath()));
        }
        if (media.contains("://")) {
            throw new IllegalArgumentException("media " + media + ": only https URLs or paths under the media root are accepted");
        }
        Path file = localFile(media);
        return new MediaPlan.Upload(new FileMediaSource(file), file, contentType(file.getFileName().toString()));
    }

    /** The file under the media root; refuses paths that leave it or do not exist. */
    public Path localFile(String media) {
        Path root = properties.mediaRoot().toAbsolutePath().normalize();
        Path file = root.resolve(media).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("media " + media + " points outside the media root " + root);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("media " + media + " is not a readable file under the media root " + root);
        }
        return file;
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mov")) {
            return "video/quicktime";
        }
        if (lower.endsWith(".webm")) {
            return "video/webm";
        }
        return "video/mp4";
    }
}
