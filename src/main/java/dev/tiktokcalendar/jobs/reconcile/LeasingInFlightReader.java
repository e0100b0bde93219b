package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.jobs.publish.PublishingProperties;
import org.springframework.batch.infrastructure.item.ItemReader;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the posts this execution leased for reconciliation: one lease of up to {@code batch} due posts, handed
 * out one by one. Thread-safe; no restart state (an unfinished lease simply expires).
 */
public class LeasingInFlightReader implements ItemReader<InFlightPost> {

    private final InFlightPosts posts;
    private final PublishingProperties.Reconciliation settings;
    private Deque<InFlightPost> leased;

    public LeasingInFlightReader(InFlightPosts posts, PublishingProperties.Reconciliation settings) {
        this.posts = posts;
        this.settings = settings;
    }

    @Override
    public synchronized InFlightPost read() {
        if (leased == null) {
            leased = new ArrayDeque<>(posts.leaseDue(settings.batch(), settings.lease()));
        }
        return leased.poll();
    }
}
