package dev.tiktokcalendar.tiktok.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reservation costs the database: the statement that takes a slot reads that slot, not the bucket. */
class RateLimitLogTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("ratelimit");
    private static final HikariDataSource ONE_CONNECTION = DATABASE.newPool("log", 1);

    @AfterAll
    static void closePool() {
        ONE_CONNECTION.close();
    }

    @Test
    void takingTheOldestFreeSlotOfThirtyReadsTheFreeSlotsOnlyAndGivesTheOldest() {
        RateLimitLog log = new RateLimitLog(ONE_CONNECTION);
        JdbcClient jdbc = JdbcClient.create(ONE_CONNECTION);
        long account = 7_000 + System.nanoTime() % 1_000_000;
        Map<RateBucket, Integer> counts = Map.of(RateBucket.STATUS, 30);
        Duration window = Duration.ofMinutes(1);
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        // made directly, not by earlier reservations: those would leave index entries that only purge removes
        for (int slot = 0; slot < 30; slot++) {
            jdbc.sql("INSERT INTO tiktok_rate_limit_slot (account_id, bucket, slot, used_at_ms) VALUES (?, 'STATUS', ?, ?)")
                    .params(account, slot, start.plusSeconds(slot).toEpochMilli()).update();
        }
        long readNextBefore = handlerReadNext(jdbc);

        Reservation taken = log.reserve(account, RateBucket.STATUS, counts, window, start.plusSeconds(61));

        assertThat(taken.granted()).isTrue();
        assertThat(handlerReadNext(jdbc) - readNextBefore)
                .as("index entries read beyond the first: at most the other free slot's and the range's end, not all 30")
                .isLessThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT slot FROM tiktok_rate_limit_slot WHERE account_id = ? AND bucket = 'STATUS' "
                        + "AND used_at_ms = ?")
                .params(account, start.plusSeconds(61).toEpochMilli()).query(Integer.class).list())
                .as("the slot used at 10:00:00 is the one taken").containsExactly(0);
        assertThat(log.reserve(account, RateBucket.STATUS, counts, window, start.plusSeconds(61)).granted())
                .as("the slot used at 10:00:01 is a window old only at 10:01:01").isTrue();
        assertThat(log.reserve(account, RateBucket.STATUS, counts, window, start.plusSeconds(61)).at())
                .isEqualTo(start.plusSeconds(62));
    }

    private static long handlerReadNext(JdbcClient jdbc) {
        return jdbc.sql("SHOW SESSION STATUS LIKE 'Handler_read_next'").query((rs, row) -> rs.getLong(2)).single();
    }
}
