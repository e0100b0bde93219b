package dev.tiktokcalendar.simulator.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window log: a request is allowed when fewer than {@code limit} allowed requests of the same key
 * happened in the last {@code window}. Refused requests are not counted, so the n+1-th request passes as soon
 * as the oldest allowed one leaves the window.
 */
public final class SlidingWindowLimiter {

    private final Map<String, Deque<Instant>> logs = new ConcurrentHashMap<>();

    public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        Deque<Instant> log = logs.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant windowStart = now.minus(window);
        synchronized (log) {
            while (!log.isEmpty() && !log.peekFirst().isAfter(windowStart)) {
                log.pollFirst();
            }
            if (log.size() >= limit) {
                return false;
            }
            log.addLast(now);
            return true;
        }
    }
}
