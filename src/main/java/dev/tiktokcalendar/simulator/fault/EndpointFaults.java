package dev.tiktokcalendar.simulator.fault;

import java.time.Duration;
import java.util.Map;

/**
 * The fault profile of one endpoint: for each {@link FaultKind}, the probability that a request gets it
 * (the sum must stay ≤ 1), how much slower a SLOW answer is, and the reason of a FAIL_PUBLISH.
 */
public record EndpointFaults(Map<FaultKind, Double> probabilities, Duration slowBy, String failReason) {

    public EndpointFaults {
        probabilities = probabilities == null ? Map.of() : Map.copyOf(probabilities);
        slowBy = slowBy == null ? Duration.ofSeconds(2) : slowBy;
        failReason = failReason == null ? "internal" : failReason;
        double total = probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
        if (probabilities.containsKey(FaultKind.ERROR_CODE)) {
            throw new IllegalArgumentException("ERROR_CODE names one error; inject it with injectNext, not in a profile");
        }
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities of one endpoint add up to more than 1");
        }
    }

    public static EndpointFaults of(FaultKind kind, double probability) {
        return new EndpointFaults(Map.of(kind, probability), null, null);
    }
}
