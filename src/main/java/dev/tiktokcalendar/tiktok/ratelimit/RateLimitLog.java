package dev.tiktokcalendar.tiktok.ratelimit;

import dev.tiktokcalendar.database.LockConflictRetry;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The database side of the rate limits, the source of truth across nodes: table {@code tiktok_rate_limit_slot}
 * holds {@code count} rows per (account, bucket), each the time of one call. {@link #reserve} takes the least
 * recently used slot that is at least one window old in a single auto-committed UPDATE, so nodes together never
 * make more than {@code count} calls in any window; it never waits for a slot (only a few jittered milliseconds after a
 * deadlock, {@link LockConflictRetry}) and never holds a transaction open. Times are epoch milliseconds from the caller's clock.
 * An account's missing slots are made for several buckets at once (the gate says which), so the call that matters
 * most, an init at its post's due instant, finds its slots made by the {@code creator_info} call that prepared the
 * post: one statement.
 */
public final class RateLimitLog {

    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;

    public RateLimitLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * One call of {@code bucket} for the account at {@code now}, if one of its {@code counts.get(bucket)} slots is a
     * window old; missing slots are made for every bucket of {@code counts}.
     */
    public Reservation reserve(long accountId, RateBucket bucket, Map<RateBucket, Integer> counts, Duration window, Instant now) {
        long at = now.toEpochMilli();
        try {
            return LockConflictRetry.run(() -> takeSlot(accountId, bucket, counts, window, at));
        } catch (PessimisticLockingFailureException stillConflicting) {
            // callers kept reaching for the same slots: not now, but look again in a moment rather than wait
            return Reservation.notBefore(Instant.ofEpochMilli(at + 20));
        }
    }

    private Reservation takeSlot(long accountId, RateBucket bucket, Map<RateBucket, Integer> counts, Duration window, long at) {
        int count = counts.get(bucket);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (takeOldestFreeSlot(accountId, bucket, count, window, at)) {
                return Reservation.grantedAt(Instant.ofEpochMilli(at));
            }
            SlotSummary slots = summary(accountId, bucket, count);
            if (slots.count() < count) {
                createSlots(accountId, counts);
                continue;
            }
            long free = slots.oldestMs() + window.toMillis();
            if (free > at) {
                return Reservation.notBefore(Instant.ofEpochMilli(free));
            }
            // another caller took the slot that was free a moment ago: look again
        }
        return Reservation.notBefore(Instant.ofEpochMilli(at + 20));
    }

    /**
     * TikTok answered 429: mark every slot of the bucket as used now, so the next call comes no earlier than
     * one window later, on every node. Returns that instant.
     */
    public Instant exhaust(long accountId, RateBucket bucket, Map<RateBucket, Integer> counts, Duration window, Instant now) {
        long at = now.toEpochMilli();
        createSlots(accountId, counts);
        jdbc.sql("UPDATE tiktok_rate_limit_slot SET used_at_ms = GREATEST(used_at_ms, :at) WHERE account_id = :account AND bucket = :bucket")
                .param("at", at).param("account", accountId).param("bucket", bucket.name()).update();
        return Instant.ofEpochMilli(at + window.toMillis());
    }

    /**
     * When each of the bucket's {@code count} slots for the account is free again, soonest first (a slot not made yet
     * is free since the epoch). Reads only.
     */
    public List<Instant> freeInstants(long accountId, RateBucket bucket, int count, Duration window) {
        List<Instant> free = new ArrayList<>(jdbc.sql("SELECT used_at_ms FROM tiktok_rate_limit_slot "
                        + "WHERE account_id = :account AND bucket = :bucket AND slot < :count ORDER BY used_at_ms")
                .param("account", accountId).param("bucket", bucket.name()).param("count", count)
                .query((rs, row) -> Instant.ofEpochMilli(rs.getLong(1) + window.toMillis())).list());
        while (free.size() < count) {
            free.add(0, Instant.EPOCH);
        }
        return free;
    }

    /**
     * Left to itself, the optimizer reads the key (account, bucket, slot) and sorts: every slot of the bucket is read
     * and locked (50 rows examined per call at 50 slots). Walking the index on the times instead stops at the first
     * slot that qualifies ({@code RateLimitLogTest}). It also walks the entries earlier reservations left until purge
     * removes them: in the throughput benchmark's bursts on fresh accounts it still examined ~50 rows a call
     * (bench/RESULTS.md, slow log at 20:41).
     */
    private boolean takeOldestFreeSlot(long accountId, RateBucket bucket, int count, Duration window, long at) {
        return jdbc.sql("""
                        UPDATE tiktok_rate_limit_slot FORCE INDEX (ix_rate_limit_slot_oldest) SET used_at_ms = :at
                        WHERE account_id = :account AND bucket = :bucket AND slot < :count AND used_at_ms <= :freeBefore
                        ORDER BY used_at_ms LIMIT 1""")
                .param("at", at).param("account", accountId).param("bucket", bucket.name())
                .param("count", count).param("freeBefore", at - window.toMillis())
                .update() == 1;
    }

    private SlotSummary summary(long accountId, RateBucket bucket, int count) {
        return jdbc.sql("SELECT COUNT(*) AS n, COALESCE(MIN(used_at_ms), 0) AS oldest FROM tiktok_rate_limit_slot "
                        + "WHERE account_id = :account AND bucket = :bucket AND slot < :count")
                .param("account", accountId).param("bucket", bucket.name()).param("count", count)
                .query((rs, row) -> new SlotSummary(rs.getInt("n"), rs.getLong("oldest"))).single();
    }

    /** In key order (bucket, slot), as every statement here meets the rows. */
    private void createSlots(long accountId, Map<RateBucket, Integer> counts) {
        StringJoiner values = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(RateBucket::name)))
                .forEach(bucket -> {
                    for (int slot = 0; slot < bucket.getValue(); slot++) {
                        values.add("(?, ?, ?, 0)");
                        params.add(accountId);
                        params.add(bucket.getKey().name());
                        params.add(slot);
                    }
                });
        jdbc.sql("INSERT IGNORE INTO tiktok_rate_limit_slot (account_id, bucket, slot, used_at_ms) VALUES " + values)
                .params(params).update();
    }

    private record SlotSummary(int count, long oldestMs) {
    }
}
