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
     * launching again for work that comes due before the next tick (each run one more job execution).
     */
    default boolean launchesAtDueInstant() {
        return false;
    }

    /**
     * When work that is not pending yet comes due by {@code horizon}: the earliest such instant, so a tick can launch
     * at that instant instead of one tick later. Empty when none comes due, or the condition cannot tell.
     */
    default Optional<Instant> workComingDueBy(Instant horizon) {
        return Optional.empty();
    }
}
