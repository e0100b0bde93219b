package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the publish an identical earlier init created, when {@code deduplicate-identical-inits} is set: same
 * creator, endpoint and JSON body within the (time-scaled) {@code deduplication-window}. Failed publishes are
 * skipped, since a failed publish is retried with a new init (contract §8). TikTok documents no idempotency
 * key (UNCONFIRMED 21), so by default nothing is deduplicated.
 */
final class IdenticalInits {

    private final SimulatorSettings settings;
    private final SimClock clock;
    private final PublishStore store;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    IdenticalInits(SimulatorSettings settings, SimClock clock, PublishStore store) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
    }

    /** Held while a creator's init looks for an earlier one and creates its publish. */
    Object lockOf(String creatorOpenId) {
        return locks.computeIfAbsent(creatorOpenId, k -> new Object());
    }

    Optional<Publish> earlier(String creatorOpenId, InitRequest request) {
        if (!settings.deduplicateIdenticalInits()) {
            return Optional.empty();
        }
        Instant since = clock.now().minus(clock.scaled(settings.deduplicationWindow()));
        return store.ofCreator(creatorOpenId).stream()
                .filter(publish -> publish.createdAt.isAfter(since) && publish.initRequest.equals(request))
                .filter(publish -> {
                    synchronized (publish) {
                        return publish.status != PublishStatus.FAILED;
                    }
                })
                .max(Comparator.comparing(publish -> publish.createdAt));
    }
}
