package dev.tiktokcalendar.scheduling;

/**
 * A cheap check made before Quartz's firing launches {@link #jobName()}: when it says there is no work, nothing is
 * launched, so a frequent schedule costs one query per firing and leaves no job execution behind.
 */
public interface LaunchCondition {

    String jobName();

    boolean workPending();
}
