package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.scheduling.LaunchCondition;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Launches {@code jobName} only when a post in one of {@code states} has come due (one indexed probe); with
 * {@code launchesAtDueInstant}, also at the instant a post comes due between two ticks.
 */
public record DuePostsCondition(String jobName, DuePostProbe probe, Set<PostState> states, boolean launchesAtDueInstant)
        implements LaunchCondition {

    @Override
    public boolean workPending() {
        return probe.anythingDue(states);
    }

    @Override
    public Optional<Instant> earliestWorkDueBy(Instant horizon) {
        return probe.earliestDueBy(states, horizon);
    }
}
