package dev.tiktokcalendar.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a calendar file as UTF-8 with the JDK decoder set to REPORT, so a byte sequence that is not UTF-8
 * refuses the file with its line and offset instead of turning into replacement characters. Skips a UTF-8
 * byte-order mark; recognises UTF-16 marks, spreadsheets (ZIP/XLSX, old XLS) and NUL characters, which mean
 * the file is not a text CSV. Counts the characters of the current record, so an unterminated quote cannot
 * swallow the whole file into one field and exhaust the heap.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final long maxRecordChars;
    private long bytesDecoded;
    private long line = 1;
    private long charsSinceMark;
    private long recordStartLine = 1;
    private boolean inputEnded;
    private boolean flushed;

    StrictUtf8Reader(InputStream in, long maxRecordChars) throws IOException {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
        chars.flip();
        bytes.flip();
        checkStart();
    }

    private void checkStart() throws IOException {
        fillBytes();
        int n = bytes.remaining();
        int b0 = n > 0 ? bytes.get(0) & 0xFF : -1;
        int b1 = n > 1 ? bytes.get(1) & 0xFF : -1;
        int b2 = n > 2 ? bytes.get(2) & 0xFF : -1;
        int b3 = n > 3 ? bytes.get(3) & 0xFF : -1;
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            throw new CalendarFileException(0, "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as \"CSV UTF-8\"");
        }
        if (b0 == 0x50 && b1 == 0x4B && b2 == 0x03 && b3 == 0x04) {
            throw new CalendarFileException(0, "is a ZIP archive (an .xlsx workbook?), not a CSV; export it as \"CSV UTF-8\"");
        }
        if (b0 == 0xD0 && b1 == 0xCF && b2 == 0x11 && b3 == 0xE0) {
            throw new CalendarFileException(0, "is an Excel 97-2003 workbook (.xls), not a CSV; export it as \"CSV UTF-8\"");
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bytes.position(3);
            bytesDecoded = 3;
        }
    }

    /** Marks the start of a record (called by the parser loop after each record). */
    void markRecord() {
        charsSinceMark = 0;
        recordStartLine = line;
    }

    private void fillBytes() throws IOException {
        bytes.compact();
        while (bytes.hasRemaining() && !inputEnded) {
            int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (read < 0) {
                inputEnded = true;
            } else {
                bytes.position(bytes.position() + read);
            }
        }
        bytes.flip();
    }

    private boolean fillChars() throws IOException {
        if (flushed) {
            return false;
        }
        chars.compact();
        try {
            while (chars.position() == 0) {
                long before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, inputEnded);
                bytesDecoded += bytes.position() - before;
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xFF;
                    long lineOfError = line + countNewlines(chars.array(), 0, chars.position());
                    throw new CalendarFileException(lineOfError, String.format(
                            "is not valid UTF-8 (byte 0x%02X at byte offset %d); save it as \"CSV UTF-8\"",
                            bad, bytesDecoded));
                }
                if (result.isUnderflow()) {
                    if (inputEnded) {
                        if (!flushed) {
                            decoder.flush(chars);
                            flushed = true;
                        }
                        break;
                    }
                    fillBytes();
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (!chars.hasRemaining() && !fillChars()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        for (int i = offset; i < offset + n; i++) {
            char c = target[i];
            if (c == '\n') {
                line++;
            } else if (c == '\0') {
                throw new CalendarFileException(line, "contains a NUL character: it is not a text CSV file");
            }
        }
        charsSinceMark += n;
        if (charsSinceMark > maxRecordChars) {
            throw new CalendarFileException(recordStartLine, "a single row is longer than " + maxRecordChars
                    + " characters; is a quote never closed?");
        }
        return n;
    }

    private static long countNewlines(char[] array, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if (array[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
