package dev.tiktokcalendar.tiktok.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/**
 * No answer came. {@link #requestSent()} is false only when the connection never opened, in which case TikTok
 * cannot have acted on the request. The message names the exception type only: JDK messages may quote the URL.
 */
public final class TransportFailure extends Exception {

    private final boolean requestSent;

    public TransportFailure(IOException cause) {
        super(cause.getClass().getSimpleName(), null, false, false);
        this.requestSent = !(cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException);
    }

    public boolean requestSent() {
        return requestSent;
    }
}
