package dev.tiktokcalendar.tiktok.upload;

import java.io.IOException;
import java.io.InputStream;

/** Media bytes that can be read range by range (to resend or resume a chunk) without holding the file in memory. */
public interface MediaSource {

    long size() throws IOException;

    /** A stream of exactly {@code length} bytes starting at {@code offset}; the caller closes it. */
    InputStream open(long offset, long length) throws IOException;
}
