package dev.tiktokcalendar.importer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The file formats {@code import} reads: the native one and presets for the CSV exports of Publer, Sprout
 * Social, Hootsuite and Metricool ({@code docs/market.md} §6). A format turns the header row into a
 * {@link Layout}, which maps each data row onto the native {@link Field}s; the validator then checks every
 * format the same way. Presets ignore the other networks' columns; they also accept native column names
 * (e.g. an added {@code account} or {@code privacy} column).
 */
public enum CalendarFormat {

    NATIVE {
        @Override
        Layout layout(List<String> header, ImportDefaults defaults) throws CalendarFileException {
            checkDelimiter(header);
            Map<Field, Integer> index = new EnumMap<>(Field.class);
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                Field field = Field.ofColumn(name);
                if (field == null) {
                    unknown.add(header.get(i).trim());
                } else if (index.putIfAbsent(field, i) != null) {
                    throw new CalendarFileException(1, "column '" + name + "' appears twice in the header");
                }
            }
            if (!unknown.isEmpty()) {
                throw new CalendarFileException(1, "unknown column" + (unknown.size() > 1 ? "s " : " ")
                        + unknown.stream().map(RowProblem::shown).collect(Collectors.joining(", "))
                        + "; the native columns are " + Arrays.stream(Field.values()).map(Field::column)
                        .collect(Collectors.joining(", ")));
            }
            requireColumn(index, Field.PUBLISH_AT, null);
            requireColumn(index, Field.MEDIA, null);
            requireColumn(index, Field.ACCOUNT, defaults.account());
            return new Layout(header, index, Map.of(), defaults);
        }
    },

    PUBLER {
        @Override
        Layout layout(List<String> header, ImportDefaults defaults) throws CalendarFileException {
            Map<String, Integer> columns = presetColumns(header, false, "Publer", "Date", "Text", "Media URL(s)");
            return new Layout(header, nativeColumns(columns), columns, defaults) {
                @Override
                void map(Mapping m) {
                    m.copy("Date", Field.PUBLISH_AT);
                    m.copy("Text", Field.CAPTION);
                    m.copy("Title", Field.TITLE);
                    m.media("Media URL(s)", ",");
                }
            };
        }
    },

    SPROUT {
        @Override
        Layout layout(List<String> header, ImportDefaults defaults) throws CalendarFileException {
            Map<String, Integer> columns = presetColumns(header, true, "Sprout", "date", "time_24hr", "message_text");
            return new Layout(header, nativeColumns(columns), columns, defaults) {
                @Override
                void map(Mapping m) {
                    m.dateAndTime("date", "time_24hr");
                    m.copy("message_text", Field.CAPTION);
                    for (String media : List.of("media_url", "video_url", "image_url")) {
                        m.media(media, ",");
                    }
                }
            };
        }
    },

    HOOTSUITE {
        @Override
        boolean hasHeader() {
            return false;
        }

        @Override
        Layout layout(List<String> firstRow, ImportDefaults defaults) throws CalendarFileException {
            String first = firstRow.isEmpty() ? "" : firstRow.get(0).trim();
            if (!first.isEmpty() && first.chars().noneMatch(Character::isDigit)) {
                throw new CalendarFileException(1, "Hootsuite bulk files have no header row, but line 1 looks like one ("
                        + RowProblem.shown(first) + "); remove it");
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            columns.put("column 1 (date)", 0);
            columns.put("column 2 (message)", 1);
            columns.put("column 3 (URL)", 2);
            return new Layout(null, Map.of(), columns, defaults) {
                @Override
                void map(Mapping m) {
                    m.dateTime("column 1 (date)");
                    m.copy("column 2 (message)", Field.CAPTION);
                    m.media("column 3 (URL)", ",");
                }

                @Override
                int expectedCells() {
                    return -1;
                }
            };
        }
    },

    METRICOOL {
        @Override
        Layout layout(List<String> header, ImportDefaults defaults) throws CalendarFileException {
            Map<String, Integer> columns = presetColumns(header, false, "Metricool", "Text", "Date", "Time", "Picture Url 1");
            return new Layout(header, nativeColumns(columns), columns, defaults) {
                @Override
                void map(Mapping m) {
                    String tiktok = m.cell("TikTok");
                    if (tiktok != null && Boolean.FALSE.equals(Booleans.parse(tiktok))) {
                        m.ignore("its TikTok column is " + tiktok);
                        return;
                    }
                    m.isoDateAndTime("Date", "Time");
                    m.copy("Text", Field.CAPTION);
                    for (int i = 1; i <= 10; i++) {
                        m.media("Picture Url " + i, null);
                    }
                    m.copy("TikTok Title", Field.TITLE);
                    m.copy("TikTok Post Privacy", Field.PRIVACY);
                    m.copy("Video Cover Frame", Field.COVER_MS);
                    m.copy("TikTok Photo Cover Index", Field.COVER_INDEX);
                    m.copy("TikTok Auto Add Music", Field.AUTO_ADD_MUSIC);
                    m.copy("TikTok is AI generated content", Field.AI_GENERATED);
                    m.inverted("TikTok disable comments", Field.ALLOW_COMMENTS);
                    m.inverted("TikTok disable duet", Field.ALLOW_DUET);
                    m.inverted("TikTok disable stitch", Field.ALLOW_STITCH);
                    Boolean branded = m.flag("TikTok Branded Content");
                    Boolean ownBrand = m.flag("TikTok Your Brand");
                    if (Boolean.TRUE.equals(branded) || Boolean.TRUE.equals(ownBrand)) {
                        m.set(Field.DISCLOSURE, Boolean.TRUE.equals(branded) && Boolean.TRUE.equals(ownBrand) ? "both"
                                : Boolean.TRUE.equals(branded) ? "branded" : "your_brand",
                                Boolean.TRUE.equals(branded) ? "TikTok Branded Content" : "TikTok Your Brand");
                    }
                    Boolean draft = m.flag("Draft");
                    if (Boolean.TRUE.equals(draft)) {
                        m.set(Field.MODE, "inbox", "Draft");
                    }
                }
            };
        }
    };

    /** Whether the first record is a header row. */
    boolean hasHeader() {
        return true;
    }

    /** Checks the header (or, without one, the first row) and returns the mapping of the data rows. */
    abstract Layout layout(List<String> header, ImportDefaults defaults) throws CalendarFileException;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CalendarFormat of(String id) {
        for (CalendarFormat format : values()) {
            if (format.id().equalsIgnoreCase(id.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; use native, publer, sprout, hootsuite or metricool");
    }

    /** The columns of a preset's header by name, after checking that the required ones are there. */
    private static Map<String, Integer> presetColumns(List<String> header, boolean caseSensitive, String tool, String... required)
            throws CalendarFileException {
        checkDelimiter(header);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!name.isEmpty()) {
                columns.putIfAbsent(caseSensitive ? name : name.toLowerCase(Locale.ROOT), i);
            }
        }
        for (String name : required) {
            if (!columns.containsKey(caseSensitive ? name : name.toLowerCase(Locale.ROOT))) {
                throw new CalendarFileException(1, "missing required column '" + name + "' of the " + tool + " format");
            }
        }
        return columns;
    }

    static void checkDelimiter(List<String> header) throws CalendarFileException {
        if (header.size() == 1) {
            String only = header.get(0);
            for (String separator : List.of(";", "\t", "|")) {
                if (only.contains(separator)) {
                    throw new CalendarFileException(1, "the header is one single column separated by '"
                            + (separator.equals("\t") ? "\\t" : separator) + "'; the file must be comma-separated "
                            + "(save it as \"CSV UTF-8 (comma delimited)\")");
                }
            }
        }
    }

    private static void requireColumn(Map<Field, Integer> index, Field field, String fallback) throws CalendarFileException {
        if (!index.containsKey(field) && fallback == null) {
            throw new CalendarFileException(1, "missing required column '" + field.column() + "'"
                    + (field == Field.ACCOUNT ? " (or give --account)" : ""));
        }
    }

    private static Map<Field, Integer> nativeColumns(Map<String, Integer> columns) {
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        columns.forEach((name, i) -> {
            Field field = Field.ofColumn(name.toLowerCase(Locale.ROOT));
            if (field != null) {
                index.putIfAbsent(field, i);
            }
        });
        return index;
    }

    /** Maps the data rows of one file. The base maps native columns; presets add their own in {@link #map}. */
    static class Layout {

        private final List<String> header;
        private final Map<Field, Integer> nativeIndex;
        private final Map<String, Integer> presetColumns;
        private final ImportDefaults defaults;

        Layout(List<String> header, Map<Field, Integer> nativeIndex, Map<String, Integer> presetColumns, ImportDefaults defaults) {
            this.header = header;
            this.nativeIndex = nativeIndex;
            this.presetColumns = presetColumns;
            this.defaults = defaults;
        }

        /** The header row, or null when the format has none. */
        List<String> header() {
            return header;
        }

        /** How many cells a row must have; -1 when rows may vary (no header). */
        int expectedCells() {
            return header.size();
        }

        void map(Mapping mapping) {
        }

        CalendarRow toRow(CalendarCsv.Line line) {
            List<String> cells = line.cells();
            List<RowProblem> problems = new ArrayList<>();
            int expected = expectedCells();
            if (expected >= 0 && cells.size() != expected
                    && (cells.size() < expected || cells.subList(expected, cells.size()).stream().anyMatch(c -> !c.isBlank()))) {
                problems.add(RowProblem.error(line.line(), null, "RAGGED_ROW", "the row has " + cells.size()
                        + " fields but the header has " + expected + " (an unquoted comma, or a missing field?)", null));
                return new CalendarRow(line.line(), Map.of(), Map.of(), cells, problems, null);
            }
            Map<Field, String> values = new EnumMap<>(Field.class);
            Map<Field, String> labels = new EnumMap<>(Field.class);
            nativeIndex.forEach((field, i) -> {
                if (i < cells.size() && !cells.get(i).isBlank()) {
                    values.put(field, keepsSpaces(field) ? cells.get(i) : cells.get(i).trim());
                }
                labels.put(field, header.get(i).trim());
            });
            Mapping mapping = new Mapping(line.line(), cells, values, labels, problems);
            map(mapping);
            if (mapping.ignored != null) {
                return new CalendarRow(line.line(), Map.of(), Map.of(), cells, List.of(), mapping.ignored);
            }
            fallback(values, labels, Field.ACCOUNT, defaults.account(), "--account");
            fallback(values, labels, Field.TIMEZONE, defaults.timezone(), "--timezone");
            fallback(values, labels, Field.PRIVACY, defaults.privacy(), "--privacy");
            return new CalendarRow(line.line(), values, labels, cells, problems, null);
        }

        private static boolean keepsSpaces(Field field) {
            return field == Field.CAPTION || field == Field.TITLE;
        }

        private static void fallback(Map<Field, String> values, Map<Field, String> labels, Field field, String value, String option) {
            if (!values.containsKey(field) && value != null && !value.isBlank()) {
                values.put(field, value.trim());
                labels.put(field, option);
            }
        }

        /** The mapping of one preset row onto native fields. */
        final class Mapping {
            private final long line;
            private final List<String> cells;
            private final Map<Field, String> values;
            private final Map<Field, String> labels;
            private final List<RowProblem> problems;
            private String ignored;

            Mapping(long line, List<String> cells, Map<Field, String> values, Map<Field, String> labels, List<RowProblem> problems) {
                this.line = line;
                this.cells = cells;
                this.values = values;
                this.labels = labels;
                this.problems = problems;
            }

            String cell(String column) {
                Integer i = presetColumns.get(column);
                if (i == null) {
                    i = presetColumns.get(column.toLowerCase(Locale.ROOT));
                }
                if (i == null || i >= cells.size() || cells.get(i).isBlank()) {
                    return null;
                }
                return cells.get(i);
            }

            void set(Field field, String value, String column) {
                values.put(field, value);
                labels.put(field, column);
            }

            void copy(String column, Field field) {
                String value = cell(column);
                if (value != null && !values.containsKey(field)) {
                    set(field, keepsSpaces(field) ? value : value.trim(), column);
                }
            }

            void media(String column, String separator) {
                String value = cell(column);
                if (value == null) {
                    return;
                }
                String items = separator == null ? value.trim() : Arrays.stream(value.split(separator))
                        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.joining("|"));
                String existing = values.get(Field.MEDIA);
                set(Field.MEDIA, existing == null ? items : existing + "|" + items,
                        existing == null ? column : labels.get(Field.MEDIA));
                if (!values.containsKey(Field.TYPE)) {
                    String all = values.get(Field.MEDIA);
                    boolean photos = Arrays.stream(all.split("\\|")).allMatch(MediaChecker::looksLikePhoto);
                    values.put(Field.TYPE, photos ? "photo" : "video");
                    labels.put(Field.TYPE, column);
                }
            }

            Boolean flag(String column) {
                String value = cell(column);
                if (value == null) {
                    return null;
                }
                Boolean parsed = Booleans.parse(value);
                if (parsed == null) {
                    problems.add(RowProblem.error(line, column, "BAD_BOOLEAN", RowProblem.shown(value.trim())
                            + " is not true/false (also yes/no, 1/0)", value));
                }
                return parsed;
            }

            void inverted(String column, Field field) {
                Boolean disabled = flag(column);
                if (disabled != null) {
                    set(field, Boolean.toString(!disabled), column);
                }
            }

            void ignore(String reason) {
                ignored = reason;
            }

            /** A preset date (dd/mm/yyyy or mm/dd/yyyy, or yyyy-mm-dd) and a 24 h time in two columns. */
            void dateAndTime(String dateColumn, String timeColumn) {
                String date = cell(dateColumn);
                String time = cell(timeColumn);
                if (date == null || time == null) {
                    missing(date == null ? dateColumn : timeColumn);
                    return;
                }
                LocalDate day = presetDate(dateColumn, date.trim());
                LocalTime at = presetTime(timeColumn, time.trim());
                if (day != null && at != null) {
                    set(Field.PUBLISH_AT, day + " " + at, dateColumn + " + " + timeColumn);
                }
            }

            /** Metricool: {@code YYYY-MM-DD} and {@code HH:MM[:SS]}. */
            void isoDateAndTime(String dateColumn, String timeColumn) {
                String date = cell(dateColumn);
                String time = cell(timeColumn);
                if (date == null || time == null) {
                    missing(date == null ? dateColumn : timeColumn);
                    return;
                }
                set(Field.PUBLISH_AT, date.trim() + " " + time.trim(), dateColumn + " + " + timeColumn);
            }

            /** Hootsuite: date and time in one cell, {@code dd/mm/yyyy hh:mm} (or mm/dd, per --date-order). */
            void dateTime(String column) {
                String value = cell(column);
                if (value == null) {
                    missing(column);
                    return;
                }
                String[] parts = value.trim().split("\\s+");
                if (parts.length != 2) {
                    dateProblem(column, RowProblem.shown(value.trim())
                            + " is not a date and time: use " + datePattern() + " hh:mm", value);
                    return;
                }
                LocalDate day = presetDate(column, parts[0]);
                LocalTime at = presetTime(column, parts[1]);
                if (day != null && at != null) {
                    set(Field.PUBLISH_AT, day + " " + at, column);
                }
            }

            private void missing(String column) {
                labels.put(Field.PUBLISH_AT, column);
                problems.add(RowProblem.error(line, column, "MISSING", column + " is required", null));
            }

            /** A date or time the preset could not read; publish_at is then reported under that column only. */
            private void dateProblem(String column, String reason, String value) {
                labels.put(Field.PUBLISH_AT, column);
                problems.add(RowProblem.error(line, column, "BAD_DATETIME", reason, value));
            }

            private String datePattern() {
                return defaults.dayFirst() ? "dd/mm/yyyy" : "mm/dd/yyyy";
            }

            private LocalDate presetDate(String column, String value) {
                DateTimeFormatter formatter = value.contains("-") ? DateTimeFormatter.ofPattern("uuuu-MM-dd")
                        : DateTimeFormatter.ofPattern(defaults.dayFirst() ? "d/M/uuuu" : "M/d/uuuu");
                try {
                    return LocalDate.parse(value, formatter.withResolverStyle(ResolverStyle.STRICT));
                } catch (DateTimeParseException e) {
                    dateProblem(column, RowProblem.shown(value)
                            + " is not a date in " + datePattern() + " (or yyyy-mm-dd)"
                            + (defaults.dayFirst() ? "; for month-first files use --date-order mdy" : ""), value);
                    return null;
                }
            }

            private LocalTime presetTime(String column, String value) {
                try {
                    return LocalTime.parse(value.length() == 4 ? "0" + value : value);
                } catch (DateTimeParseException e) {
                    dateProblem(column, RowProblem.shown(value)
                            + " is not a 24-hour time (hh:mm)", value);
                    return null;
                }
            }
        }
    }

    /** Lenient boolean words of spreadsheets. */
    static final class Booleans {
        private static final Map<String, Boolean> WORDS = new HashMap<>();

        static {
            for (String word : List.of("true", "yes", "1", "y")) {
                WORDS.put(word, true);
            }
            for (String word : List.of("false", "no", "0", "n")) {
                WORDS.put(word, false);
            }
        }

        private Booleans() {
        }

        /** True, false, or null when the text is not a boolean. */
        static Boolean parse(String text) {
            return WORDS.get(text.trim().toLowerCase(Locale.ROOT));
        }
    }
}
