package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap "anything due?" question asked before launching a job and by the due-work watcher: one statement on
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
     * Per state of {@code states}, the earliest {@code next_attempt_at} by {@code horizon} (past ones included) of a
     * post in that state; a state with no post due by then is absent. One statement; per state a {@code MIN} over
     * {@code ix_post_due} that reads a single index entry however many posts are due or scheduled.
     */
    public Map<PostState, Instant> earliestDueByState(Collection<PostState> states, Instant horizon) {
        Map<PostState, Duration> noLead = new EnumMap<>(PostState.class);
        states.forEach(state -> noLead.put(state, Duration.ZERO));
        return earliestDueWithin(noLead, horizon);
    }

    /**
     * As {@link #earliestDueByState(Collection, Instant)}, each state looking its own lead further than
     * {@code horizon} (publishing prepares scheduled posts ahead of their time).
     */
    public Map<PostState, Instant> earliestDueWithin(Map<PostState, Duration> leadByState, Instant horizon) {
        List<PostState> ordered = List.copyOf(leadByState.keySet());
        List<Object> parameters = new ArrayList<>();
        for (PostState state : ordered) {
            parameters.add(state.name());
            parameters.add(SqlTime.utc(horizon.plus(leadByState.get(state))));
        }
        return jdbc.sql(earliestDueSql(ordered.size())).params(parameters).query(rs -> {
            Map<PostState, Instant> due = new EnumMap<>(PostState.class);
            if (rs.next()) {
                for (int column = 1; column <= ordered.size(); column++) {
                    LocalDateTime earliest = rs.getObject(column, LocalDateTime.class);
                    if (earliest != null) {
                        due.put(ordered.get(column - 1), earliest.toInstant(ZoneOffset.UTC));
                    }
                }
            }
            return due;
        });
    }

    public boolean anythingDue(Collection<PostState> states) {
        return !earliestDueByState(states, clock.instant()).isEmpty();
    }

    /** Whether a post of a state of {@code leadByState} is due within that state's lead from now. */
    public boolean anythingDueWithin(Map<PostState, Duration> leadByState) {
        return !earliestDueWithin(leadByState, clock.instant()).isEmpty();
    }

    /** The statement: one row, a column per state, with a (state, horizon) parameter pair per state. */
    public static String earliestDueSql(int states) {
        String perState = "(SELECT MIN(next_attempt_at) FROM post WHERE state = ? AND next_attempt_at <= ?)";
        return "SELECT " + String.join(", ", Collections.nCopies(states, perState));
    }
}
