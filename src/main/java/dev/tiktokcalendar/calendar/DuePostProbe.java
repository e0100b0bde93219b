package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;

/**
 * The cheap "anything due?" question asked before launching a job: one index range scan on
 * {@code ix_post_due (state, next_attempt_at)} that reads at most one row, whatever the calendar's size.
 */
@Component
public class DuePostProbe {

    private final JdbcClient jdbc;
    private final Clock clock;

    public DuePostProbe(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The earliest {@code next_attempt_at} after now and by {@code horizon}; asked only when nothing is due now, so the
     * range it reads holds just the posts coming due within one tick.
     */
    public Optional<Instant> earliestComingDueBy(Collection<PostState> states, Instant horizon) {
        return jdbc.sql("""
                        SELECT next_attempt_at FROM post
                        WHERE state IN (:states) AND next_attempt_at > :now AND next_attempt_at <= :horizon
                        ORDER BY next_attempt_at LIMIT 1""")
                .param("states", states.stream().map(Enum::name).toList())
                .param("now", SqlTime.utc(clock.instant()))
                .param("horizon", SqlTime.utc(horizon))
                .query((rs, row) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC))
                .optional();
    }

    public boolean anythingDue(Collection<PostState> states) {
        Optional<Integer> found = jdbc.sql("SELECT 1 FROM post WHERE state IN (:states) AND next_attempt_at <= :now LIMIT 1")
                .param("states", states.stream().map(Enum::name).toList())
                .param("now", SqlTime.utc(clock.instant()))
                .query(Integer.class).optional();
        return found.isPresent();
    }
}
