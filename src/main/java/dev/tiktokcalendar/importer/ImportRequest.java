package dev.tiktokcalendar.importer;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;

/**
 * What one run of {@code importCalendarJob} imports, fixed by its first step and kept in the job's execution
 * context, so a restarted execution reads exactly the same file with the same options.
 */
public record ImportRequest(long runId, Path file, CalendarFormat format, long workspaceId, boolean dryRun,
                            ImportDefaults defaults, boolean fromInbox) {

    private static final String PREFIX = "import.";

    public void storeIn(ExecutionContext context) {
        context.putLong(PREFIX + "runId", runId);
        context.putString(PREFIX + "file", file.toString());
        context.putString(PREFIX + "format", format.id());
        context.putLong(PREFIX + "workspaceId", workspaceId);
        context.putString(PREFIX + "dryRun", Boolean.toString(dryRun));
        putIfSet(context, "account", defaults.account());
        putIfSet(context, "timezone", defaults.timezone());
        putIfSet(context, "privacy", defaults.privacy());
        context.putString(PREFIX + "dayFirst", Boolean.toString(defaults.dayFirst()));
        context.putString(PREFIX + "fromInbox", Boolean.toString(fromInbox));
    }

    public static boolean isIn(ExecutionContext context) {
        return context.containsKey(PREFIX + "runId");
    }

    public static ImportRequest from(ExecutionContext context) {
        return new ImportRequest(context.getLong(PREFIX + "runId"), Path.of(context.getString(PREFIX + "file")),
                CalendarFormat.of(context.getString(PREFIX + "format")), context.getLong(PREFIX + "workspaceId"),
                Boolean.parseBoolean(context.getString(PREFIX + "dryRun")),
                new ImportDefaults(context.getString(PREFIX + "account", null), context.getString(PREFIX + "timezone", null),
                        context.getString(PREFIX + "privacy", null), Boolean.parseBoolean(context.getString(PREFIX + "dayFirst"))),
                Boolean.parseBoolean(context.getString(PREFIX + "fromInbox")));
    }

    private static void putIfSet(ExecutionContext context, String key, String value) {
        if (value != null && !value.isBlank()) {
            context.putString(PREFIX + key, value);
        }
    }
}
