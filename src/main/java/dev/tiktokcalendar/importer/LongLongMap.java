package dev.tiktokcalendar.importer;

import java.util.Arrays;

/**
 * An open-addressing map of {@code long} to {@code long} (no boxing): a million keys of an import cost
 * 32 MB instead of the ~100 MB of a {@code HashMap<Long, Long>}. Key 0 is not allowed.
 */
final class LongLongMap {

    private long[] keys;
    private long[] values;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new long[capacity];
    }

    /** Stores {@code value} under {@code key} unless present; returns the existing value, or 0. */
    long putIfAbsent(long key, long value) {
        if (key == 0) {
            key = 1;
        }
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
