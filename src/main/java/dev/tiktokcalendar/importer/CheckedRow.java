package dev.tiktokcalendar.importer;

/**
 * A data row after its checks: the post it describes, or why it is refused; neither for a row the format
 * ignores (a preset's row that is not for TikTok).
 */
public record CheckedRow(CalendarRow row, PostDraft draft, RowRejectedException rejection) {

    static CheckedRow ignored(CalendarRow row) {
        return new CheckedRow(row, null, null);
    }

    boolean isIgnored() {
        return draft == null && rejection == null;
    }

    /** The post, or the refusal thrown for the step to skip the row. */
    PostDraft draftOrThrow() {
        if (rejection != null) {
            throw rejection;
        }
        return draft;
    }
}
