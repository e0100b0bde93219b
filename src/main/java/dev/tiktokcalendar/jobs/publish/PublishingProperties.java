package dev.tiktokcalendar.jobs.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code calendar.publishing.*}: how due posts are claimed, sent and followed until TikTok decides.
 *
 * @param mediaRoot           folder that relative media paths of posts are resolved against
 * @param verifiedUrlPrefixes https prefixes verified in the TikTok developer portal: media under them is pulled by
 *                            TikTok (PULL_FROM_URL); any other https media is streamed up by us (FILE_UPLOAD)
 * @param claimBatch          posts claimed per claim transaction
 * @param maxPostsPerRun      posts one job execution handles at most (the next tick takes the rest)
 * @param claimTtl            how long a claim lasts, beyond the post's due time, before other nodes may take the post back
 * @param prepareAhead        how long before its time a post is claimed and prepared (account check, creator_info,
 *                            checks, media probe), so that only the init is left for its due instant
 * @param uploadLease         how long a node holds a post while uploading its chunks without renewing the lease; a
 *                            node that dies mid-upload hands the post to reconciliation this long after its last renewal
 * @param threads             posts prepared (and, when already due, sent) concurrently by one node
 * @param dispatchThreads     inits sent concurrently by one node at their posts' due instants
 * @param uploadThreads       media uploads streamed concurrently by one node, beside the {@code threads} sending inits
 * @param maxAttempts         fresh inits a post may use (TikTok's {@code internal} and pull failures need a new init)
 * @param retryBackoff        wait before a fresh init after a retryable failure
 * @param transientBackoff    wait after a transport failure that changed nothing at TikTok
 */
@ConfigurationProperties("calendar.publishing")
public record PublishingProperties(
        @DefaultValue("./media") Path mediaRoot,
        @DefaultValue List<String> verifiedUrlPrefixes,
        @DefaultValue("100") int claimBatch,
        @DefaultValue("2000") int maxPostsPerRun,
        @DefaultValue("5m") Duration claimTtl,
        @DefaultValue("30s") Duration prepareAhead,
        @DefaultValue("2m") Duration uploadLease,
        @DefaultValue("8") int threads,
        @DefaultValue("128") int dispatchThreads,
        @DefaultValue("4") int uploadThreads,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("30s") Duration transientBackoff,
        @DefaultValue Reconciliation reconciliation) {

    /**
     * The items of a chunk of the publishing and reconciliation steps, per publishing thread. The threads work through a
     * chunk together and wait for its last item before the next chunk is read, and each chunk costs its own job
     * repository transaction: with 2 per thread the throughput run (round 3) made 404-453 posts/s in two runs, with 8
     * per thread 470-591 in ten, 510 or more in nine of them (bench/RESULTS.md).
     */
    public static final int POSTS_PER_THREAD_IN_A_CHUNK = 8;

    public boolean isVerifiedUrl(String url) {
        return verifiedUrlPrefixes.stream().anyMatch(url::startsWith);
    }

    /**
     * @param firstCheck          first status check after the init (or the last chunk): when processing is likely done
     * @param maxInterval         longest wait between two status checks of a post in flight
     * @param processingCeiling   a post still processing this long after its init is flagged stuck
     * @param publicIdInterval    wait between checks for the public id TikTok often publishes after completion
     * @param publicIdPatience    how long to keep looking for that public id
     * @param unknownSearchWindow how long video/list is searched for a post whose init may have landed before
     *                            concluding it did not (public posts) or asking an operator (other audiences)
     * @param lease               how long a node holds a post it is reconciling
     * @param batch               posts reconciled per job execution at most
     */
    public record Reconciliation(
            @DefaultValue("10s") Duration firstCheck,
            @DefaultValue("5m") Duration maxInterval,
            @DefaultValue("2h") Duration processingCeiling,
            @DefaultValue("1m") Duration publicIdInterval,
            @DefaultValue("1h") Duration publicIdPatience,
            @DefaultValue("30m") Duration unknownSearchWindow,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("500") int batch,
            @DefaultValue("5000") int maxPostsPerRun) {
    }
}
