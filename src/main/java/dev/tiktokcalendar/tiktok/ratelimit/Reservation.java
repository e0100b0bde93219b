package dev.tiktokcalendar.tiktok.ratelimit;

import java.time.Instant;

/** The answer of a rate-limit reservation: granted at {@code at}, or refused until {@code at}. */
public record Reservation(boolean granted, Instant at) {

    public static Reservation grantedAt(Instant at) {
        return new Reservation(true, at);
    }

    public static Reservation notBefore(Instant at) {
        return new Reservation(false, at);
    }
}
