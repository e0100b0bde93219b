package dev.tiktokcalendar.importer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Reads {@code publish_at}: {@code YYYY-MM-DD HH:MM[:SS]} in the row's zone, or ISO-8601 with an offset or
 * {@code Z}. A local time that does not exist (DST gap) moves forward by the gap, a local time that happens
 * twice (DST overlap) takes the earlier offset; both with a warning (architecture §6 Time).
 */
public final class PublishTimes {

    private static final DateTimeFormatter LOCAL = dateAndTime()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter OFFSET = dateAndTime()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** The instant to publish at, and what to tell the editor about it. */
    public record Resolved(Instant instant, List<String> warnings) {
    }

    private PublishTimes() {
    }

    /** {@code YYYY-MM-DD}, a space or {@code T}, {@code HH:MM}, optional {@code :SS}. */
    private static DateTimeFormatterBuilder dateAndTime() {
        return new DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd")
                .optionalStart().appendLiteral(' ').optionalEnd()
                .optionalStart().appendLiteral('T').optionalEnd()
                .appendPattern("HH:mm")
                .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd();
    }

    /**
     * @throws IllegalArgumentException with the message for the editor when the text is not a date-time
     */
    public static Resolved resolve(String text, ZoneId zone) {
        String value = text.trim();
        if (hasOffset(value)) {
            try {
                return new Resolved(OffsetDateTime.parse(value, OFFSET).toInstant(), List.of());
            } catch (DateTimeParseException e) {
                throw notADateTime(value, e);
            }
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value, LOCAL);
        } catch (DateTimeParseException e) {
            throw notADateTime(value, e);
        }
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return new Resolved(local.atOffset(offsets.get(0)).toInstant(), List.of());
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (offsets.isEmpty()) {
            ZonedDateTime shifted = ZonedDateTime.ofLocal(local, zone, null);
            return new Resolved(shifted.toInstant(), List.of(local.format(SHOWN) + " does not exist in " + zone.getId()
                    + " (clocks go forward " + minutes(transition) + " min at " + transition.getDateTimeBefore().format(SHOWN)
                    + "); scheduled at " + shifted.toLocalDateTime().format(SHOWN) + " " + shifted.getOffset() + " instead"));
        }
        ZonedDateTime earlier = ZonedDateTime.ofLocal(local, zone, transition.getOffsetBefore());
        return new Resolved(earlier.toInstant(), List.of(local.format(SHOWN) + " happens twice in " + zone.getId()
                + " (clocks go back at " + transition.getDateTimeBefore().format(SHOWN) + "); took the earlier one, "
                + earlier.getOffset() + " (" + earlier.toInstant() + ")"));
    }

    private static long minutes(ZoneOffsetTransition transition) {
        return transition.getDuration().abs().toMinutes();
    }

    private static boolean hasOffset(String value) {
        if (value.endsWith("Z") || value.endsWith("z")) {
            return true;
        }
        int timeStart = Math.max(value.indexOf('T'), value.indexOf(' '));
        return timeStart > 0 && (value.indexOf('+', timeStart) > 0 || value.indexOf('-', timeStart) > 0);
    }

    private static IllegalArgumentException notADateTime(String value, DateTimeException e) {
        String hint = e.getMessage() != null && e.getMessage().contains("Invalid") ? " (" + invalidPart(e) + ")" : "";
        return new IllegalArgumentException(RowProblem.shown(value) + " is not a valid date-time" + hint
                + ": use YYYY-MM-DD HH:MM[:SS] in the row's zone, or ISO-8601 with an offset (2026-09-14T09:30:00+02:00)");
    }

    private static String invalidPart(DateTimeException e) {
        String message = e.getMessage();
        int at = message.indexOf(": ");
        return at > 0 ? message.substring(at + 2) : message;
    }

    /** An IANA region id such as Europe/Paris; fixed offsets and abbreviations are refused. */
    public static ZoneId zone(String text) {
        String value = text.trim();
        try {
            ZoneId zone = ZoneId.of(value);
            if (zone instanceof ZoneOffset || value.startsWith("GMT+") || value.startsWith("UTC+")
                    || value.startsWith("GMT-") || value.startsWith("UTC-")) {
                throw new IllegalArgumentException(RowProblem.shown(value)
                        + " is a fixed offset, not an IANA time zone; use a region id such as Europe/Paris");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(RowProblem.shown(value)
                    + " is not an IANA time zone id (such as Europe/Paris or America/New_York)");
        }
    }
}
