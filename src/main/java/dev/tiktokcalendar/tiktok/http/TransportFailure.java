package dev.tiktokcalendar.tiktok.http;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * No answer came. {@link #requestSent()} is false only when no connection was opened or taken from the pool, in
 * which case TikTok cannot have acted on the request. The message names the exception type only: library messages may quote the URL.
 */
public final class TransportFailure extends Exception {

    private final boolean requestSent;

    public TransportFailure(IOException cause) {
        super(cause.getClass().getSimpleName(), null, false, false);
        this.requestSent = !(cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof ConnectionRequestTimeoutException);
    }

    public boolean requestSent() {
        return requestSent;
    }
}
