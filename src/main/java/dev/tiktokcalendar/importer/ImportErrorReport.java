package dev.tiktokcalendar.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The error report of an import: one CSV line per problem (errors and warnings) with the line, the column,
 * the reason and the original row's cells under the original header, so the editor can fix the rows and
 * import them again. Safe to open in a spreadsheet: a cell starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with {@code '} so it is shown as text, never evaluated (CSV injection).
 */
public final class ImportErrorReport {

    private static final List<String> COLUMNS = List.of("file", "line", "column", "severity", "code", "reason", "value");

    private ImportErrorReport() {
    }

    public static void write(ImportRunRepository runs, long runId, String fileName, Writer out) throws IOException {
        ImportRunRepository.ImportRun run = runs.find(runId).orElseThrow();
        List<String> header = new ArrayList<>(COLUMNS);
        List<String> original = run.headerRow() == null ? List.of() : parseLine(run.headerRow());
        header.addAll(original);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header.stream().map(ImportErrorReport::neutralise).toList());
            if (run.fileError() != null) {
                printer.printRecord(neutralise(fileName), "", "", "ERROR", "FILE", neutralise(run.fileError()), "");
            }
            runs.forEachProblem(runId, problem -> {
                List<String> cells = new ArrayList<>(List.of(fileName, Long.toString(problem.line()),
                        nullToEmpty(problem.column()), problem.severity(), problem.code(), problem.message(),
                        nullToEmpty(problem.value())));
                if (problem.rawRow() != null) {
                    cells.addAll(parseLine(problem.rawRow()));
                }
                try {
                    printer.printRecord(cells.stream().map(ImportErrorReport::neutralise).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Makes a cell inert in spreadsheets (OWASP CSV injection). */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static List<String> parseLine(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(line);
        }
    }
}
