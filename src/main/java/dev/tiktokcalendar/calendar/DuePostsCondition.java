package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.scheduling.LaunchCondition;

import java.util.Set;

/** Launches {@code jobName} only when a post in one of {@code states} has come due (one indexed probe). */
public record DuePostsCondition(String jobName, DuePostProbe probe, Set<PostState> states) implements LaunchCondition {

    @Override
    public boolean workPending() {
        return probe.anythingDue(states);
    }
}
