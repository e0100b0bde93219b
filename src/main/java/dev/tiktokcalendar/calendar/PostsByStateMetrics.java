package dev.tiktokcalendar.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The gauge {@code calendar.posts{state=…}}: how many posts are in each state. One {@code GROUP BY} query serves
 * every state's gauge and is repeated at most every {@value #REFRESH_SECONDS} s, however often metrics are scraped.
 */
@Component
public class PostsByStateMetrics {

    static final int REFRESH_SECONDS = 15;

    private final JdbcClient jdbc;
    private final Clock clock;
    private Map<PostState, Long> counts = new EnumMap<>(PostState.class);
    private Instant countedAt = Instant.MIN;

    public PostsByStateMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (PostState state : PostState.values()) {
            Gauge.builder("calendar.posts", this, metrics -> metrics.count(state))
                    .tag("state", state.name())
                    .description("posts in this publishing state")
                    .register(meters);
        }
    }

    synchronized long count(PostState state) {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).getSeconds() >= REFRESH_SECONDS || countedAt == Instant.MIN) {
            Map<PostState, Long> fresh = new EnumMap<>(PostState.class);
            jdbc.sql("SELECT state, COUNT(*) FROM post GROUP BY state")
                    .query(rs -> {
                        fresh.put(PostState.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(state, 0L);
    }
}
