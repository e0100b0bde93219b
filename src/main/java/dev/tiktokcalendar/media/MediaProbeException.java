package dev.tiktokcalendar.media;

/** A media file that cannot be probed; the message names the file and what is wrong with it. */
public class MediaProbeException extends RuntimeException {

    public MediaProbeException(String message) {
        super(message);
    }
}
