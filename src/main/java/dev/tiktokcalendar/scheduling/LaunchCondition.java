package dev.tiktokcalendar.scheduling;

/**
 * A cheap check a scheduler tick makes before launching {@link #jobName()}: when it says there is no work,
 * the tick launches nothing, so a frequent schedule costs one query per tick and leaves no job execution behind.
 */
public interface LaunchCondition {

    String jobName();

    boolean workPending();
}
