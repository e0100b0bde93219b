package dev.tiktokcalendar.database;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as bind values for {@code DATETIME(3)} UTC columns. They are bound as text: Connector/J takes MariaDB
 * (which announces itself as {@code 5.5.5-…}) for a server without fractional seconds and silently drops the
 * milliseconds of a bound {@code LocalDateTime} or {@code Timestamp}.
 */
public final class SqlTime {

    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private SqlTime() {
    }

    /** {@code null} stays {@code null}. */
    public static String utc(Instant instant) {
        return instant == null ? null : UTC_MILLIS.format(instant);
    }
}
