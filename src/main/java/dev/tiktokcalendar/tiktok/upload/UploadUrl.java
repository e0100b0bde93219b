package dev.tiktokcalendar.tiktok.upload;

import java.net.URI;

/**
 * The {@code upload_url} an init returned: opaque, used whole, and a credential (its {@code upload_token} query
 * parameter). {@link #toString()} and {@link #redacted()} hide the token.
 */
public record UploadUrl(URI uri) {

    public static UploadUrl of(String url) {
        return new UploadUrl(URI.create(url));
    }

    /** The URL with every {@code upload_token} value replaced, for logs. */
    public String redacted() {
        return redact(uri.toString());
    }

    /** Hides {@code upload_token} values in any text that may contain an upload URL. */
    public static String redact(String text) {
        return text == null ? null : text.replaceAll("(?i)(upload_token=)[^&\\s\"']*", "$1[redacted]");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
