package dev.tiktokcalendar.simulator.inspect;

import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;

import java.time.Instant;

/**
 * One served request: when it was answered ({@code at}) and received ({@code receivedAt}, before any injected latency), which endpoint, for which creator (open_id, null before authentication), the HTTP
 * status (0 = connection dropped), the error code ({@code ok} on success), whether it was refused by a rate
 * limit, and the injected fault if any.
 */
public record RequestRecord(Instant at, Instant receivedAt, Endpoint endpoint, String creatorOpenId, int httpStatus, String code,
                            boolean overLimit, FaultKind fault) {
}
