package dev.tiktokcalendar.simulator.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** {@code log_id}s shaped like TikTok's: {@code yyyyMMddHHmmss} followed by 20 upper-case hex digits. */
public final class LogIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private LogIds() {
    }

    private record Stamp(long epochSecond, String text) {
    }

    // formatting a date on every request costs more than the rest of a status/fetch: reuse it per second
    private static volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, "");

    public static String next(Instant now) {
        Stamp stamp = lastStamp;
        if (stamp.epochSecond() != now.getEpochSecond()) {
            stamp = new Stamp(now.getEpochSecond(), STAMP.format(now));
            lastStamp = stamp;
        }
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        return stamp.text() + HEX.formatHex(random);
    }
}
