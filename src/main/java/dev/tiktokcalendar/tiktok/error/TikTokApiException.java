package dev.tiktokcalendar.tiktok.error;

/** Thrown by {@code TikTokResult#orElseThrow()}; carries the classified error, never a secret. */
public class TikTokApiException extends RuntimeException {

    private final transient TikTokError error;

    public TikTokApiException(TikTokError error) {
        super(error.summary());
        this.error = error;
    }

    public TikTokError error() {
        return error;
    }
}
