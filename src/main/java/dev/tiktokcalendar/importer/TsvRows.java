package dev.tiktokcalendar.importer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as the text {@code LOAD DATA} reads with {@code FIELDS TERMINATED BY X'09' ESCAPED BY X'5C' LINES
 * TERMINATED BY X'0A'} (no enclosing quotes): fields separated by tabs, one row per line, {@code \N} for NULL,
 * and a backslash before each backslash, tab, line break, carriage return and NUL inside a value.
 * <p>
 * Complete rows are kept as UTF-8 in pieces of about {@link #PIECE_CHARS} characters, never in one array: with a
 * 256 MB heap G1 puts every array of 512 KB or more into old regions of its own and may start a marking cycle
 * for it; a chunk's text as one array did that twice per chunk (bench/RESULTS.md, import profile).
 */
final class TsvRows implements RowValues {

    /** The clauses that read this text, for the statement. */
    static final String FORMAT = "CHARACTER SET utf8mb4 FIELDS TERMINATED BY X'09' ESCAPED BY X'5C' LINES TERMINATED BY X'0A'";

    static final int PIECE_CHARS = 32 * 1024;

    private final StringBuilder text;
    private final List<byte[]> pieces = new ArrayList<>();
    private boolean inRow;

    /** {@code capacity}: characters to make room for at first. */
    TsvRows(int capacity) {
        text = new StringBuilder(capacity);
    }

    private StringBuilder field() {
        if (inRow) {
            text.append('\t');
        }
        inRow = true;
        return text;
    }

    @Override
    public TsvRows text(String value) {
        if (value == null) {
            field().append("\\N");
            return this;
        }
        StringBuilder out = field();
        int plain = plainPrefix(value);
        if (plain == value.length()) {
            out.append(value);
            return this;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return this;
    }

    /** How many leading characters need no escape (almost always all: appended at once). */
    private static int plainPrefix(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                return i;
            }
        }
        return value.length();
    }

    @Override
    public TsvRows number(long value) {
        field().append(value);
        return this;
    }

    @Override
    public TsvRows number(Number value) {
        return value == null ? text(null) : number(value.longValue());
    }

    @Override
    public TsvRows flag(boolean value) {
        field().append(value ? '1' : '0');
        return this;
    }

    @Override
    public TsvRows flag(Boolean value) {
        return value == null ? text(null) : flag(value.booleanValue());
    }

    /** Fields rendered before by another {@code TsvRows} ({@link #row}). */
    TsvRows fields(String rendered) {
        field().append(rendered);
        return this;
    }

    /** The fields of the row begun, without its end. */
    String row() {
        return text.toString();
    }

    void endRow() {
        text.append('\n');
        inRow = false;
        if (text.length() >= PIECE_CHARS) {
            endPiece();
        }
    }

    private void endPiece() {
        pieces.add(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    /** The complete rows as UTF-8. */
    InputStream utf8() {
        if (!text.isEmpty()) {
            endPiece();
        }
        return new PiecesInputStream(pieces);
    }

    /** Reads the pieces as one stream, filling each read as far as it can (the driver sends a packet per read). */
    private static final class PiecesInputStream extends InputStream {

        private final List<byte[]> pieces;
        private int piece;
        private int offset;
        private long left;

        PiecesInputStream(List<byte[]> pieces) {
            this.pieces = pieces;
            this.left = pieces.stream().mapToLong(bytes -> bytes.length).sum();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int from, int length) {
            if (length == 0) {
                return 0;
            }
            if (left == 0) {
                return -1;
            }
            int copied = 0;
            while (copied < length && piece < pieces.size()) {
                byte[] current = pieces.get(piece);
                int n = Math.min(length - copied, current.length - offset);
                System.arraycopy(current, offset, into, from + copied, n);
                copied += n;
                offset += n;
                if (offset == current.length) {
                    piece++;
                    offset = 0;
                }
            }
            left -= copied;
            return copied;
        }

        @Override
        public int available() {
            return (int) Math.min(left, Integer.MAX_VALUE);
        }
    }
}
