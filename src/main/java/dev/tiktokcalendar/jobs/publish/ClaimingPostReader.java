package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.PostClaimer;
import org.springframework.batch.infrastructure.item.ItemReader;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the posts this job execution claimed, claiming the next batch (scheduled posts due within
 * {@code prepare-ahead}, deferred posts due now; a short transaction of its own) whenever the previous one is used up,
 * until nothing is due or the run's cap is reached. It reads only
 * its own claims, so several nodes and threads never see the same post. Thread-safe; keeps no restart state:
 * after a crash the claims expire and go back to the pool.
 */
public class ClaimingPostReader implements ItemReader<PublishablePost> {

    private final PostClaimer claimer;
    private final PublishablePosts posts;
    private final PublishingProperties properties;
    private final Deque<PublishablePost> claimed = new ArrayDeque<>();
    private int handedOut;
    private boolean exhausted;

    public ClaimingPostReader(PostClaimer claimer, PublishablePosts posts, PublishingProperties properties) {
        this.claimer = claimer;
        this.posts = posts;
        this.properties = properties;
    }

    @Override
    public synchronized PublishablePost read() {
        if (claimed.isEmpty() && !exhausted && handedOut < properties.maxPostsPerRun()) {
            int batch = Math.min(properties.claimBatch(), properties.maxPostsPerRun() - handedOut);
            var claims = claimer.claimDue(batch, properties.claimTtl(), properties.prepareAhead());
            exhausted = claims.size() < batch;
            claimed.addAll(posts.load(claims));
        }
        PublishablePost next = claimed.poll();
        if (next != null) {
            handedOut++;
        }
        return next;
    }
}
