package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.scheduling.DueWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the jobs that work on due posts ({@link DuePostsCondition}s: publishing, reconciliation) have work: one
 * {@link DuePostProbe} statement over all their states answers for all of them.
 */
@Component
public class DuePostWork implements DueWork {

    private final DuePostProbe probe;
    private final List<DuePostsCondition> jobs;
    private final Set<PostState> states;

    public DuePostWork(DuePostProbe probe, List<DuePostsCondition> jobs) {
        this.probe = probe;
        this.jobs = List.copyOf(jobs);
        this.states = EnumSet.noneOf(PostState.class);
        jobs.forEach(job -> states.addAll(job.states()));
    }

    @Override
    public Set<String> jobNames() {
        return jobs.stream().map(DuePostsCondition::jobName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<String, Instant> earliestDueBy(Instant horizon) {
        if (states.isEmpty()) {
            return Map.of();
        }
        Map<PostState, Duration> leads = new EnumMap<>(PostState.class);
        jobs.forEach(job -> leads.putAll(job.leadByState()));
        Map<PostState, Instant> byState = probe.earliestDueWithin(leads, horizon);
        Map<String, Instant> byJob = new HashMap<>();
        for (DuePostsCondition job : jobs) {
            job.states().stream().filter(byState::containsKey)
                    .map(state -> job.workStarts(state, byState.get(state)))
                    .min(Instant::compareTo)
                    .ifPresent(earliest -> byJob.put(job.jobName(), earliest));
        }
        return byJob;
    }
}
