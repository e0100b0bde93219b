package dev.tiktokcalendar.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the records of a calendar file with Apache Commons CSV (RFC 4180: quoted fields may hold commas,
 * quotes and line breaks) over a strict UTF-8 decoder. Each record comes with the line it starts on. Blank
 * lines and rows whose cells are all empty (spreadsheets add them) are passed over. Any structural problem
 * (encoding, broken quoting, an endless field) is a {@link CalendarFileException} naming the line.
 */
final class CalendarCsv implements Closeable {

    /** The longest record accepted; a 10 MB field is a row-level error, an unclosed quote in a 1 GB file is not. */
    static final long MAX_RECORD_CHARS = 16L * 1024 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(false)
            .setLenientEof(false)
            .get();
    private static final Pattern COMMONS_LINE = Pattern.compile("\\((?:startline|line) (\\d+)\\)\\s*(.*)", Pattern.DOTALL);

    record Line(long line, List<String> cells) {
    }

    private final StrictUtf8Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesConsumed;

    CalendarCsv(Path file) throws IOException {
        this.reader = new StrictUtf8Reader(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), MAX_RECORD_CHARS);
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** The next record that is not blank, or null at the end of the file. */
    Line next() throws CalendarFileException {
        while (true) {
            reader.markRecord();
            long startLine = linesConsumed + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw translate(e.getCause(), startLine);
            } catch (IllegalStateException e) {
                throw translate(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()), startLine);
            }
            linesConsumed = parser.getCurrentLineNumber();
            List<String> cells = record.toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            return new Line(startLine, cells);
        }
    }

    private static CalendarFileException translate(IOException cause, long startLine) {
        if (cause instanceof CalendarFileException file) {
            return file;
        }
        String message = cause == null || cause.getMessage() == null ? "unreadable" : cause.getMessage();
        long line = startLine;
        Matcher matcher = COMMONS_LINE.matcher(message);
        if (matcher.matches()) {
            line = Long.parseLong(matcher.group(1));
            message = matcher.group(2);
        }
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            return new CalendarFileException(line, "a quoted field is never closed (the file ends inside quotes)");
        }
        if (lower.contains("invalid char") && lower.contains("between encapsulated token and delimiter")) {
            return new CalendarFileException(line, "broken quoting: text follows a closing quote "
                    + "(a quote inside a quoted field must be doubled: \"\")");
        }
        return new CalendarFileException(line, "is not a readable CSV: " + message);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
