package dev.tiktokcalendar.simulator.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The newest {@code capacity} requests, lock-free so that logging never slows the benchmark path. */
public final class RequestLog {

    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public void add(RequestRecord record) {
        records.add(record);
        if (size.incrementAndGet() > capacity && records.poll() != null) {
            size.decrementAndGet();
        }
    }

    public List<RequestRecord> all() {
        return new ArrayList<>(records);
    }

    public List<RequestRecord> overLimit() {
        return records.stream().filter(RequestRecord::overLimit).toList();
    }

    public void clear() {
        records.clear();
        size.set(0);
    }
}
