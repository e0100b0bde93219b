package dev.tiktokcalendar.simulator.fault;

import java.time.Duration;

/** One injected fault with its parameters (only {@code SLOW} uses {@code slowBy}, only {@code FAIL_PUBLISH} the reason). */
public record Fault(FaultKind kind, Duration slowBy, String failReason) {

    public static Fault of(FaultKind kind) {
        return new Fault(kind, Duration.ofSeconds(2), "internal");
    }

    public static Fault slow(Duration by) {
        return new Fault(FaultKind.SLOW, by, null);
    }

    public static Fault failPublish(String reason) {
        return new Fault(FaultKind.FAIL_PUBLISH, null, reason);
    }
}
