package dev.tiktokcalendar.calendar;

import java.time.Duration;

/** Inits being sent right now: {@link InitResults} records answers once they are out of the way. */
public interface InitTraffic {

    InitTraffic NONE = patience -> {
    };

    /** Returns once no init is due or being sent, or after {@code patience}. */
    void awaitQuiet(Duration patience) throws InterruptedException;
}
