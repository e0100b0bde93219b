package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The cheap "anything due?" question asked before launching a job: one statement on
 * {@code ix_post_due (state, next_attempt_at)} that reads at most one index entry per state, whatever the
 * calendar's size.
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
     * The earliest {@code next_attempt_at} by {@code horizon} (past ones included) of a post in one of {@code states}:
     * due now when it is not after now. One statement; per state a {@code MIN} over {@code ix_post_due} that reads a
     * single index entry however many posts are due or scheduled.
     */
    public Optional<Instant> earliestDueBy(Collection<PostState> states, Instant horizon) {
        List<Object> parameters = new ArrayList<>();
        for (PostState state : states) {
            parameters.add(state.name());
            parameters.add(SqlTime.utc(horizon));
        }
        return jdbc.sql(earliestDueSql(states.size())).params(parameters)
                .query((rs, row) -> rs.getObject(1, LocalDateTime.class))
                .optional()
                .map(due -> due.toInstant(ZoneOffset.UTC));
    }

    public boolean anythingDue(Collection<PostState> states) {
        return earliestDueBy(states, clock.instant()).isPresent();
    }

    /** The statement, with a (state, horizon) parameter pair per state. */
    public static String earliestDueSql(int states) {
        String perState = "SELECT MIN(next_attempt_at) AS due FROM post WHERE state = ? AND next_attempt_at <= ?";
        return "SELECT MIN(due) FROM (" + String.join(" UNION ALL ", Collections.nCopies(states, perState)) + ") earliest";
    }
}
