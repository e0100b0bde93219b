package dev.tiktokcalendar.scheduling;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * When the work of jobs scheduled {@code when-due} comes due. {@link DueWorkWatcher} asks every interval, so one
 * answer covers all of this source's jobs (one statement, not one per job).
 */
public interface DueWork {

    /** The Spring Batch jobs this source answers for. */
    Set<String> jobNames();

    /**
     * Per job of {@link #jobNames()}, the earliest instant by {@code horizon} at which it has work, past instants
     * included (that work is due now); a job with no work due by then is absent.
     */
    Map<String, Instant> earliestDueBy(Instant horizon);
}
