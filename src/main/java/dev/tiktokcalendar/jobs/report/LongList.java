package dev.tiktokcalendar.jobs.report;

import java.util.Arrays;

/** A growable list of primitive longs (lateness values): 8 bytes a post instead of a boxed Long. */
final class LongList {

    private long[] values = new long[16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(LongList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** p50, p95 and max by the nearest-rank method; nulls when empty. */
    ReportSummary.Lateness lateness() {
        if (size == 0) {
            return new ReportSummary.Lateness(0, null, null, null);
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new ReportSummary.Lateness(size, rank(sorted, 50), rank(sorted, 95), sorted[size - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
