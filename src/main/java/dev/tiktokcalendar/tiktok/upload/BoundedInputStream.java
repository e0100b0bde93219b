package dev.tiktokcalendar.tiktok.upload;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads exactly {@code length} bytes of the wrapped stream; ending early is an {@link EOFException}. */
final class BoundedInputStream extends FilterInputStream {

    private long remaining;

    BoundedInputStream(InputStream in, long length) {
        super(in);
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = super.read();
        if (b < 0) {
            throw new EOFException("media ended " + remaining + " bytes early");
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = super.read(buffer, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("media ended " + remaining + " bytes early");
        }
        remaining -= n;
        return n;
    }
}
