package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.scheduling.LaunchCondition;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Launches {@code jobName} only when a post in one of its states has work (one indexed probe). A state's work starts
 * {@code leadByState} before the post's {@code next_attempt_at}: publishing prepares scheduled posts (creator
 * settings, checks, media probe) ahead of their time so that the init itself goes out at that time.
 */
public record DuePostsCondition(String jobName, DuePostProbe probe, Map<PostState, Duration> leadByState)
        implements LaunchCondition {

    public DuePostsCondition {
        leadByState = Map.copyOf(leadByState);
    }

    /** Work starts when {@code next_attempt_at} comes, in every one of {@code states}. */
    public DuePostsCondition(String jobName, DuePostProbe probe, Set<PostState> states) {
        this(jobName, probe, noLead(states));
    }

    public Set<PostState> states() {
        return leadByState.keySet();
    }

    /** When the work on a post of {@code state} due at {@code nextAttemptAt} starts. */
    public Instant workStarts(PostState state, Instant nextAttemptAt) {
        return nextAttemptAt.minus(leadByState.getOrDefault(state, Duration.ZERO));
    }

    @Override
    public boolean workPending() {
        return probe.anythingDueWithin(leadByState);
    }

    private static Map<PostState, Duration> noLead(Set<PostState> states) {
        Map<PostState, Duration> leads = new EnumMap<>(PostState.class);
        states.forEach(state -> leads.put(state, Duration.ZERO));
        return leads;
    }
}
