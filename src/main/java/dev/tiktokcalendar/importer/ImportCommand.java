package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.cli.CalendarCommand;
import dev.tiktokcalendar.cli.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code import <file>}: imports a calendar CSV (native or a preset) into a workspace through
 * {@code importCalendarJob}. Exit status 0 when every row was accepted, 1 when rows were refused, 2 on a
 * usage or file-level error (or an interrupted import: run the same command again to resume it).
 */
@Command(name = "import", sortOptions = false,
        description = "Import a calendar CSV (native, or a Publer/Sprout/Hootsuite/Metricool export) as scheduled posts.")
public class ImportCommand implements CalendarCommand {

    private static final int SHOWN_PROBLEMS = 20;

    @Parameters(index = "0", paramLabel = "<file>", description = "the calendar CSV file")
    Path file;

    @Option(names = "--format", paramLabel = "F", defaultValue = "native",
            description = "native (default), publer, sprout, hootsuite or metricool")
    String format;

    @Option(names = "--workspace", paramLabel = "W", description = "workspace slug; optional when there is only one")
    String workspace;

    @Option(names = "--account", paramLabel = "A", description = "account (username or open_id) of rows without one")
    String account;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA zone of rows without one (default: the account's)")
    String timezone;

    @Option(names = "--privacy", paramLabel = "LEVEL", description = "privacy level of rows without one")
    String privacy;

    @Option(names = "--date-order", paramLabel = "dmy|mdy", defaultValue = "dmy",
            description = "how Sprout and Hootsuite dates such as 01/02/2026 read (default dmy)")
    String dateOrder;

    @Option(names = "--dry-run", description = "check everything, write nothing, report what would change")
    boolean dryRun;

    @Option(names = "--errors", paramLabel = "out.csv", description = "write refused rows and warnings to this CSV")
    Path errors;

    @Option(names = "--resume", description = "resume an import of this file left running by a process that died")
    boolean resume;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CalendarFormat calendarFormat;
        try {
            calendarFormat = CalendarFormat.of(format);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            return 2;
        }
        if (!dateOrder.equalsIgnoreCase("dmy") && !dateOrder.equalsIgnoreCase("mdy")) {
            err.println("import: --date-order must be dmy or mdy, not '" + dateOrder + "'");
            return 2;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("import: " + file + ": " + (Files.exists(file) ? "is not a readable file" : "no such file"));
            return 2;
        }
        ImportDefaults defaults = new ImportDefaults(account, timezone, privacy, dateOrder.equalsIgnoreCase("dmy"));
        try (CommandContext context = CommandContext.start(springArguments)) {
            if (System.console() != null) {
                context.bean(ImportProgress.class).showOn(err);
            }
            CalendarImporter.Outcome outcome;
            try {
                outcome = context.bean(CalendarImporter.class)
                        .importFile(file, calendarFormat, workspace, defaults, dryRun, resume);
            } catch (CalendarImporter.StillRunningException e) {
                err.println("import: " + e.getMessage());
                return 2;
            } finally {
                context.bean(ImportProgress.class).done();
            }
            ImportRunRepository runs = context.bean(ImportRunRepository.class);
            String name = file.getFileName().toString();
            if (outcome.resumed()) {
                out.println("Resumed the interrupted import run " + outcome.run().id() + " of " + name + ".");
            }
            if (outcome.interrupted()) {
                err.println("import: the import stopped (" + outcome.execution().getExitStatus().getExitDescription()
                        .lines().findFirst().orElse("") + "); run the same command again to resume it");
                return 2;
            }
            printProblems(runs, outcome.run(), name, err);
            out.print(ImportSummary.of(outcome.run()).text(name));
            if (errors != null) {
                try (Writer writer = Files.newBufferedWriter(errors, StandardCharsets.UTF_8)) {
                    ImportErrorReport.write(runs, outcome.run().id(), name, writer);
                }
                out.println("  report: " + errors);
            }
            return outcome.exitCode();
        }
    }

    private static void printProblems(ImportRunRepository runs, ImportRunRepository.ImportRun run, String name, PrintWriter err)
            throws IOException {
        if (run.fileError() != null) {
            err.println(run.fileError());
            return;
        }
        AtomicInteger shown = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        runs.forEachProblem(run.id(), problem -> {
            total.incrementAndGet();
            if (shown.get() < SHOWN_PROBLEMS) {
                shown.incrementAndGet();
                err.println(new RowProblem(problem.line(), problem.column(), RowProblem.Severity.valueOf(problem.severity()),
                        problem.code(), problem.message(), problem.value()).describe(name));
            }
        });
        if (total.get() > shown.get()) {
            err.println("… and " + (total.get() - shown.get()) + " more; --errors out.csv writes them all");
        }
    }
}
