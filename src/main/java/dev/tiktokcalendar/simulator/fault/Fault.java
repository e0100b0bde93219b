package dev.tiktokcalendar.simulator.fault;

import java.time.Duration;

/**
 * One injected fault with its parameters: only {@code SLOW} uses {@code slowBy}, only {@code FAIL_PUBLISH} the
 * reason, only {@code ERROR_CODE} the error code and its HTTP status.
 */
public record Fault(FaultKind kind, Duration slowBy, String failReason, String errorCode, int errorStatus) {

    public Fault(FaultKind kind, Duration slowBy, String failReason) {
        this(kind, slowBy, failReason, null, 0);
    }

    public static Fault of(FaultKind kind) {
        return new Fault(kind, Duration.ofSeconds(2), "internal");
    }

    public static Fault slow(Duration by) {
        return new Fault(FaultKind.SLOW, by, null);
    }

    public static Fault failPublish(String reason) {
        return new Fault(FaultKind.FAIL_PUBLISH, null, reason);
    }

    /** The documented error {@code code}, answered with {@code httpStatus} (contract §13). */
    public static Fault error(int httpStatus, String code) {
        return new Fault(FaultKind.ERROR_CODE, null, null, code, httpStatus);
    }
}
