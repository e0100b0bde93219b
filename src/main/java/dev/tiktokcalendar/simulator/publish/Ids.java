package dev.tiktokcalendar.simulator.publish;

import java.util.SplittableRandom;

/**
 * Seeded id source, so that a run with the same seed hands out the same publish and post ids. Post ids are
 * 19-digit numbers, beyond 2^53 like TikTok's (JavaScript clients round them; Java must not).
 */
public final class Ids {

    private static final long NINETEEN_DIGITS_FLOOR = 7_000_000_000_000_000_000L;
    private static final long SPAN = 2_000_000_000_000_000_000L;

    private final SplittableRandom random;

    public Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public synchronized long nineteenDigits() {
        return NINETEEN_DIGITS_FLOOR + random.nextLong(SPAN);
    }
}
