package dev.tiktokcalendar.scheduling;

import java.time.Instant;
import java.util.Optional;

/**
 * A cheap check a scheduler tick makes before launching {@link #jobName()}: when it says there is no work,
 * the tick launches nothing, so a frequent schedule costs one query per tick and leaves no job execution behind.
 */
public interface LaunchCondition {

    String jobName();

    boolean workPending();

    /**
     * Whether work must start at its due instant rather than at the next tick: a tick then serves its whole interval,
     * asking {@link #earliestWorkDueBy} instead of {@link #workPending} and launching again for work that comes due
     * before the next tick (each run one more job execution).
     */
    default boolean launchesAtDueInstant() {
        return false;
    }

    /**
     * The earliest instant by {@code horizon} at which work is due, past instants included (that work is pending);
     * empty when none is due by then. Only asked when {@link #launchesAtDueInstant()}.
     */
    default Optional<Instant> earliestWorkDueBy(Instant horizon) {
        return workPending() ? Optional.of(Instant.EPOCH) : Optional.empty();
    }
}
