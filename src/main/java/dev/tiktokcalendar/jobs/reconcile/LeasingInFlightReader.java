package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.jobs.publish.PublishingProperties;
import org.springframework.batch.infrastructure.item.ItemReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the posts this execution leased for reconciliation, handed out one by one: a lease of up to {@code batch} due
 * posts, and the next one whenever it is used up, while the last found any and the run has checked fewer than
 * {@code max-posts-per-run}. Checks that come due during a run (posts leaving processing while others publish) are
 * taken by that run instead of waiting for the next whole second. Thread-safe; no restart state (an unfinished lease
 * simply expires).
 */
public class LeasingInFlightReader implements ItemReader<InFlightPost> {

    private final InFlightPosts posts;
    private final PublishingProperties.Reconciliation settings;
    private final Deque<InFlightPost> leased = new ArrayDeque<>();
    private int handedOut;
    private boolean exhausted;

    public LeasingInFlightReader(InFlightPosts posts, PublishingProperties.Reconciliation settings) {
        this.posts = posts;
        this.settings = settings;
    }

    @Override
    public synchronized InFlightPost read() {
        if (leased.isEmpty() && !exhausted && handedOut < settings.maxPostsPerRun()) {
            List<InFlightPost> next = posts.leaseDue(Math.min(settings.batch(), settings.maxPostsPerRun() - handedOut),
                    settings.lease());
            exhausted = next.isEmpty();
            leased.addAll(next);
        }
        InFlightPost post = leased.poll();
        if (post != null) {
            handedOut++;
        }
        return post;
    }
}
