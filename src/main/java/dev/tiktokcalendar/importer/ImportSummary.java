package dev.tiktokcalendar.importer;

/** The plain summary of an import, printed by the command and written beside inbox files. */
public record ImportSummary(ImportRunRepository.ImportRun run) {

    public static ImportSummary of(ImportRunRepository.ImportRun run) {
        return new ImportSummary(run);
    }

    public String text(String fileName) {
        if (run.fileError() != null) {
            return "Refused " + fileName + ": nothing was imported.\n  " + run.fileError() + "\n";
        }
        boolean dry = run.dryRun();
        StringBuilder text = new StringBuilder();
        text.append(dry ? "Dry run of " : "Imported ").append(fileName).append(" (").append(run.format())
                .append(", import run ").append(run.id()).append(")").append(dry ? ": nothing was written" : "").append('\n');
        line(text, "rows read", run.rowsRead());
        line(text, dry ? "would add" : "added", run.rowsCreated());
        line(text, dry ? "would update" : "updated", run.rowsUpdated());
        line(text, "unchanged", run.rowsUnchanged());
        line(text, dry ? "would refuse" : "rejected", run.rowsRejected());
        if (run.rowsIgnored() > 0) {
            line(text, "not for TikTok", run.rowsIgnored());
        }
        line(text, "with warnings", run.rowsWarned());
        return text.toString();
    }

    private static void line(StringBuilder text, String label, int count) {
        text.append(String.format("  %-15s %,d%n", label, count));
    }
}
