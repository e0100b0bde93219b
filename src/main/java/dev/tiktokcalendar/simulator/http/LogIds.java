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

    public static String next(Instant now) {
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        return STAMP.format(now) + HEX.formatHex(random);
    }
}
