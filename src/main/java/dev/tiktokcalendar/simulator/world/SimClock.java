package dev.tiktokcalendar.simulator.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's notion of time: an injected {@link Clock} plus the time scale, which divides every window
 * and delay so that a test of "6 per minute" can run in a second.
 */
public final class SimClock {

    private final Clock clock;
    private final double timeScale;

    public SimClock(Clock clock, double timeScale) {
        this.clock = clock;
        this.timeScale = timeScale;
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration scaled(Duration nominal) {
        if (timeScale == 1.0) {
            return nominal;
        }
        return Duration.ofNanos(Math.max(1, (long) (nominal.toNanos() / timeScale)));
    }

    public Instant after(Duration nominal) {
        return now().plus(scaled(nominal));
    }
}
