package dev.tiktokcalendar.simulator.fault;

import dev.tiktokcalendar.simulator.http.Endpoint;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Decides which fault, if any, each request gets. Scripted faults ({@link #injectNext}) come first, in order;
 * then the seeded profile draws one number per request of that endpoint. Each endpoint has its own random
 * sequence derived from the seed, so the n-th request to an endpoint gets the same fault in every run with
 * the same seed, whatever the other endpoints see.
 */
public final class FaultInjector {

    private final Map<Endpoint, EndpointFaults> profile;
    private final Map<Endpoint, SplittableRandom> randoms = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Queue<Fault>> scripted = new EnumMap<>(Endpoint.class);

    public FaultInjector(long seed, Map<Endpoint, EndpointFaults> profile) {
        this.profile = Map.copyOf(profile);
        for (Endpoint endpoint : Endpoint.values()) {
            randoms.put(endpoint, new SplittableRandom(seed * 31 + endpoint.name().hashCode()));
            scripted.put(endpoint, new ConcurrentLinkedQueue<>());
        }
    }

    /** Makes the next request to {@code endpoint} (after earlier scripted ones) get {@code fault}. */
    public void injectNext(Endpoint endpoint, Fault fault) {
        scripted.get(endpoint).add(fault);
    }

    public Optional<Fault> draw(Endpoint endpoint) {
        Fault next = scripted.get(endpoint).poll();
        if (next != null) {
            return Optional.of(next);
        }
        EndpointFaults faults = profile.get(endpoint);
        if (faults == null || faults.probabilities().isEmpty()) {
            return Optional.empty();
        }
        double roll;
        SplittableRandom random = randoms.get(endpoint);
        synchronized (random) {
            roll = random.nextDouble();
        }
        double cumulative = 0;
        for (FaultKind kind : FaultKind.values()) {
            cumulative += faults.probabilities().getOrDefault(kind, 0.0);
            if (roll < cumulative) {
                return Optional.of(new Fault(kind, faults.slowBy(), faults.failReason()));
            }
        }
        return Optional.empty();
    }
}
