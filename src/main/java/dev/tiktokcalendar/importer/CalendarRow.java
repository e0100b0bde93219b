package dev.tiktokcalendar.importer;

import java.util.List;
import java.util.Map;

/**
 * One data row of a calendar file, already mapped onto the native {@link Field}s.
 *
 * @param line     the line the row starts on (1 = the first line of the file)
 * @param values   the native fields present in the row (blank cells absent)
 * @param labels   the column name in the file for each field, for messages (a preset's own name)
 * @param cells    the row's original cells, for the error report
 * @param problems what the mapping already found wrong (ragged row, a preset's date it could not read)
 * @param ignored  why a preset row is not for TikTok at all (e.g. Metricool's TikTok column is FALSE), or null
 */
public record CalendarRow(long line, Map<Field, String> values, Map<Field, String> labels, List<String> cells,
                          List<RowProblem> problems, String ignored) {

    public String value(Field field) {
        return values.get(field);
    }

    public String label(Field field) {
        return labels.getOrDefault(field, field.column());
    }
}
