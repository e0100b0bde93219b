package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.ApiCallEvent;
import dev.tiktokcalendar.calendar.GroupedTransitions;
import dev.tiktokcalendar.calendar.InitIntents;
import dev.tiktokcalendar.calendar.InitResults;
import dev.tiktokcalendar.calendar.PostAttempts;
import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.calendar.PostStateMachine;
import dev.tiktokcalendar.calendar.PostTransition;
import dev.tiktokcalendar.jobs.publish.PostContent.PostMode;
import dev.tiktokcalendar.jobs.publish.PostContent.PostType;
import dev.tiktokcalendar.media.MediaProbeException;
import dev.tiktokcalendar.media.MediaRules;
import dev.tiktokcalendar.media.RememberedMediaFacts;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.CreatorInfo;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.InboxVideoInit;
import dev.tiktokcalendar.tiktok.api.PhotoInit;
import dev.tiktokcalendar.tiktok.api.PublishTicket;
import dev.tiktokcalendar.tiktok.api.VideoPostInfo;
import dev.tiktokcalendar.tiktok.api.VideoSource;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.upload.ChunkPlan;
import dev.tiktokcalendar.tiktok.upload.ChunkPlanner;
import dev.tiktokcalendar.tiktok.upload.UploadPermit;
import dev.tiktokcalendar.tiktok.upload.UploadReceipt;
import dev.tiktokcalendar.web.media.MediaUrls;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one claimed post to TikTok, following architecture §6: the account is checked, the creator's current
 * settings are queried (direct posts), the post is validated before any init, the intent to init is committed
 * (INIT_IN_FLIGHT with a new attempt row, only while this node's claim holds) before the request goes out, and the
 * {@code publish_id} once the inits due with it are out. The checked post goes to the {@link InitDispatcher}, which
 * commits the intents of the posts due together in one transaction at their due instant and then sends each post's
 * init; the accepted inits answered together are recorded together ({@link InitResults}).
 * An init that may have landed becomes UNKNOWN and is never sent again by this class; everything else ends as a
 * committed state with its reason: PROCESSING (reconciliation follows), DEFERRED, HELD or FAILED. The chunks of a
 * FILE_UPLOAD are streamed by {@link MediaUploads} under the post's upload lease, so the next init never waits for them.
 */
@Component
public class PostPublisher {

    private static final Logger log = LoggerFactory.getLogger(PostPublisher.class);
    // refusals for the account's init budget (ours, or TikTok's 429): the post waits for a turn of its own
    private static final Set<String> INIT_BUDGET_CODES = Set.of(ApiCallRecorder.LOCAL_RATE_LIMIT, "rate_limit_exceeded");

    private final TikTokClient client;
    private final ApiCallRecorder calls;
    private final PostStateMachine states;
    private final PostAttempts attempts;
    private final AccountPostingState accounts;
    private final MediaResolver mediaResolver;
    private final RememberedMediaFacts mediaFacts;
    private final PublishingProperties properties;
    private final ChunkPlanner chunkPlanner;
    private final MeterRegistry meters;
    private final Clock clock;
    private final MediaUrls mediaUrls;
    private final UploadLeases uploadLeases;
    private final MediaUploads uploads;
    private final InitDispatcher dispatcher;
    private final InitResults initResults;
    private final InitTurns initTurns;
    private final GroupedTransitions transitions;
    private final ContentRules contentRules = new ContentRules();
    private final MediaRules mediaRules = new MediaRules();

    public PostPublisher(TikTokClient client, ApiCallRecorder calls, PostStateMachine states, PostAttempts attempts,
                         AccountPostingState accounts, MediaResolver mediaResolver, RememberedMediaFacts mediaFacts,
                         PublishingProperties properties, dev.tiktokcalendar.tiktok.TikTokProperties tiktok,
                         MediaUrls mediaUrls, UploadLeases uploadLeases, MediaUploads uploads, InitDispatcher dispatcher,
                         InitResults initResults, InitTurns initTurns, GroupedTransitions transitions,
                         MeterRegistry meters, Clock clock) {
        this.dispatcher = dispatcher;
        this.transitions = transitions;
        this.initTurns = initTurns;
        this.initResults = initResults;
        // answers are recorded once the inits due have gone out: those go first at a due instant
        initResults.yieldTo(dispatcher);
        this.mediaUrls = mediaUrls;
        this.uploadLeases = uploadLeases;
        this.uploads = uploads;
        this.client = client;
        this.calls = calls;
        this.states = states;
        this.attempts = attempts;
        this.accounts = accounts;
        this.mediaResolver = mediaResolver;
        this.mediaFacts = mediaFacts;
        this.properties = properties;
        this.chunkPlanner = new ChunkPlanner(tiktok.chunkSize());
        this.meters = meters;
        this.clock = clock;
    }

    public PublishOutcome publish(PublishablePost post) {
        if (!"ACTIVE".equals(post.accountStatus())) {
            return hold(post, PostState.CLAIMED, new PostTransition.Failure("account_" + post.accountStatus().toLowerCase(),
                    "the account is " + post.accountStatus(), null, "Reconnect the TikTok account; the post goes out after that."));
        }
        if (post.claim().wasDeferred()) {
            // back on its turn, or after another deferral: no creator_info call while the init could not go out anyway
            Optional<PublishOutcome> notYet = initTurns.unlessFreeNow(post.accountId(), clock.instant(),
                    turn -> defer(post, PostState.CLAIMED, initBudgetUsedUp(post, turn), turn));
            if (notYet.isPresent()) {
                return notYet.get();
            }
        }
        CreatorConstraints creator;
        ApiCallEvent creatorInfoCall = null;
        if (post.mode() == PostMode.DIRECT) {
            ApiCallRecorder.Made<CreatorInfo> made = calls.make(post.id(), post.accountId(), null, "creator_info/query",
                    () -> client.creatorInfo(post.accountId()));
            TikTokResult<CreatorInfo> info = made.result();
            if (!info.isOk()) {
                calls.record(made.event());
                return beforeInitFailure(post, info.error());
            }
            creatorInfoCall = made.event();
            CreatorInfo value = info.orElseThrow();
            accounts.rememberCreatorInfo(post.accountId(), value, clock.instant());
            creator = AccountPostingState.constraints(value);
        } else {
            creator = accounts.lastKnown(post.accountId()).orElse(new CreatorConstraints(List.of(), false, false, false, 600));
        }
        ContentCheck check = contentRules.check(post.content(), creator);
        List<String> problems = new ArrayList<>();
        check.violations().forEach(violation -> problems.add(violation.toString()));
        MediaPlan video = null;
        List<String> photoUrls = List.of();
        try {
            if (post.type() == PostType.VIDEO) {
                video = planVideo(post, creator, problems);
            } else {
                photoUrls = photoUrls(post, problems);
            }
        } catch (IllegalArgumentException | MediaProbeException e) {
            problems.add("media: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            return fail(post, Set.of(PostState.CLAIMED), new PostTransition.Failure("invalid_post",
                    String.join("; ", problems), null, "Fix the post as described and schedule it again."),
                    "refused before any API call: " + String.join("; ", problems), creatorInfoCall);
        }
        return queueInit(post, check, video, photoUrls, creatorInfoCall);
    }

    private MediaPlan planVideo(PublishablePost post, CreatorConstraints creator, List<String> problems) {
        if (post.media().size() != 1) {
            problems.add("media: a video post needs exactly one video, it has " + post.media().size());
            return null;
        }
        MediaPlan plan = mediaResolver.videoPlan(post.media().get(0));
        if (plan instanceof MediaPlan.Upload upload && upload.localFile() != null) {
            mediaRules.videoProblems(mediaFacts.of(upload.localFile()), creator.maxVideoPostDurationSec())
                    .forEach(problem -> problems.add("media: " + problem));
        }
        return plan;
    }

    /**
     * The URLs TikTok pulls the photos from: https URLs as given, local files (checked and probed) as signed, expiring
     * URLs of our own media endpoint. Every URL must lie under a prefix verified in the TikTok developer portal.
     */
    private List<String> photoUrls(PublishablePost post, List<String> problems) {
        List<String> urls = new ArrayList<>();
        for (String media : post.media()) {
            String url = media;
            if (!media.contains("://")) {
                mediaRules.photoProblems(mediaFacts.of(mediaResolver.localFile(media)))
                        .forEach(problem -> problems.add("media: photo " + media + ": " + problem));
                url = mediaUrls.signedUrl(java.nio.file.Path.of(media)).toString();
            }
            if (!properties.isVerifiedUrl(url)) {
                problems.add("media: photo " + media + " would be pulled from " + (url.equals(media) ? "there" : "our media URL")
                        + ", which is not under a verified prefix " + properties.verifiedUrlPrefixes() + "; add "
                        + (url.equals(media) ? "its prefix" : "<calendar.public-base-url>/media/")
                        + " to calendar.publishing.verified-url-prefixes and verify it in the TikTok developer portal");
            }
            urls.add(url);
        }
        return urls;
    }

    /**
     * Hands the checked post to the dispatcher, which commits its intent and sends its init at its due instant, together
     * with the history row of the {@code creator_info} call that prepared it ({@link #rowForTheIntent}).
     */
    private PublishOutcome queueInit(PublishablePost post, ContentCheck check, MediaPlan video, List<String> photoUrls,
                                     ApiCallEvent creatorInfoCall) {
        ChunkPlan chunkPlan = null;
        if (video instanceof MediaPlan.Upload upload) {
            try {
                chunkPlan = chunkPlanner.plan(upload.source().size());
            } catch (IOException | IllegalArgumentException e) {
                return fail(post, Set.of(PostState.CLAIMED), new PostTransition.Failure("media_unreadable",
                        "media " + post.media().get(0) + ": " + e.getMessage(), null,
                        "Make the media readable (and at most 4 GB), then schedule the post again."), "media unreadable",
                        creatorInfoCall);
            }
        }
        String reason = "init intent committed" + (check.adjustments().isEmpty() ? "" : "; " + String.join("; ", check.adjustments()));
        PostAttempts.MediaSource source = video instanceof MediaPlan.Upload
                ? PostAttempts.MediaSource.FILE_UPLOAD : PostAttempts.MediaSource.PULL_FROM_URL;
        ChunkPlan plan = chunkPlan;
        dispatcher.sendAt(new PreparedInit(new InitIntents.Intent(post.claim(), reason, source,
                rowForTheIntent(post, creatorInfoCall)), attemptNo -> init(post, check, video, plan, photoUrls, attemptNo)));
        return PublishOutcome.PREPARED;
    }

    /**
     * The call whose row the intent commits: a post already due has its intent committed within milliseconds; a post
     * that waits in memory for its instant records the row now (a crash would lose it).
     */
    private ApiCallEvent rowForTheIntent(PublishablePost post, ApiCallEvent call) {
        if (post.claim().dueAt().isAfter(clock.instant())) {
            calls.record(call);
            return null;
        }
        return call;
    }

    /**
     * Sends the init of attempt {@code attemptNo}, whose intent is committed. A refusal is committed here; an accepted
     * init is queued for the next group commit ({@link InitResults}), after which its upload starts; the future
     * completes then.
     */
    private CompletableFuture<PublishOutcome> init(PublishablePost post, ContentCheck check, MediaPlan video, ChunkPlan plan,
                                                   List<String> photoUrls, int attemptNo) {
        String endpoint = endpoint(post);
        ApiCallRecorder.Made<PublishTicket> made = calls.make(post.id(), post.accountId(), attemptNo, endpoint,
                () -> sendInit(post, check, video, plan, photoUrls));
        TikTokResult<PublishTicket> result = made.result();
        Instant sentAt = clock.instant();
        if (!result.isOk()) {
            calls.record(made.event());
            return CompletableFuture.completedFuture(initFailure(post, attemptNo, result.error(), sentAt, video instanceof MediaPlan.Upload));
        }
        PublishTicket ticket = result.orElseThrow();
        meters.timer("calendar.dispatch.lag").record(Duration.between(post.publishAt(), sentAt).isNegative()
                ? Duration.ZERO : Duration.between(post.publishAt(), sentAt));
        if (ticket.uploadUrl() == null) {
            return initResults.submit(new InitResults.Accepted(post.id(), attemptNo, sentAt, ticket.publishId(), PostState.PROCESSING,
                    "init accepted (publish_id " + ticket.publishId() + ")",
                    clock.instant().plus(properties.reconciliation().firstCheck()), made.event()))
                    .thenApply(moved -> sent(post));
        }
        Instant leaseExpiry = uploadLeases.newExpiry();
        return initResults.submit(new InitResults.Accepted(post.id(), attemptNo, sentAt, ticket.publishId(), PostState.UPLOADING,
                        "init accepted (publish_id " + ticket.publishId() + "); uploading " + plan.totalChunkCount() + " chunk(s)",
                        leaseExpiry, made.event()))
                .thenApply(moved -> {
                    if (!moved) {
                        return abandonUpload(post, attemptNo, "the post was taken over while its init was in flight");
                    }
                    UploadLeases.Lease lease = uploadLeases.hold(post.id(), attemptNo, leaseExpiry);
                    uploads.submit(post.id(), () -> upload(post, attemptNo, ticket, plan, (MediaPlan.Upload) video, lease));
                    return PublishOutcome.SENT;
                });
    }

    /**
     * Streams the chunks under {@code lease} (closed here) and commits where the post ends; the future completes once
     * that is committed. The move to PROCESSING is committed with other posts' ({@link GroupedTransitions}) while this
     * thread goes on to the next upload: until it is, the post is UPLOADING under its lease, as in mid-upload.
     */
    private CompletableFuture<?> upload(PublishablePost post, int attemptNo, PublishTicket ticket, ChunkPlan plan,
                                        MediaPlan.Upload upload, UploadLeases.Lease lease) {
        ApiCallRecorder.Made<UploadReceipt> made;
        try (lease) {
            made = calls.make(post.id(), post.accountId(), attemptNo, "upload",
                    () -> client.upload(ticket, plan, upload.source(), upload.contentType(), lease));
        }
        TikTokResult<UploadReceipt> uploaded = made.result();
        if (uploaded.isOk()) {
            return processing(post, PostState.UPLOADING, "uploaded " + uploaded.orElseThrow().bytes() + " bytes", made.event());
        }
        calls.record(made.event());
        if (UploadPermit.WITHDRAWN.equals(uploaded.error().code())) {
            abandonUpload(post, attemptNo, "the upload lease was lost");
        } else {
            uploadFailure(post, attemptNo, uploaded.error());
        }
        return CompletableFuture.completedFuture(null);
    }

    private TikTokResult<PublishTicket> sendInit(PublishablePost post, ContentCheck check, MediaPlan video, ChunkPlan plan,
                                                 List<String> photoUrls) {
        if (post.type() == PostType.PHOTO) {
            int cover = post.photoCoverIndex() == null ? 0 : post.photoCoverIndex();
            PhotoInit request = post.mode() == PostMode.INBOX
                    ? PhotoInit.mediaUpload(post.title(), post.caption(), photoUrls, cover, post.aigc())
                    : PhotoInit.directPost(new PhotoInit.PostInfo(post.title(), post.caption(), post.privacyLevel(),
                    !check.allowComment(), post.autoAddMusic(), post.brandContent(), post.brandOrganic()),
                    photoUrls, cover, post.aigc());
            return client.initPhoto(post.accountId(), request);
        }
        VideoSource source = video instanceof MediaPlan.Pull pull ? VideoSource.pullFromUrl(pull.url()) : VideoSource.fileUpload(plan);
        if (post.mode() == PostMode.INBOX) {
            return client.initInboxVideo(post.accountId(), new InboxVideoInit(source));
        }
        VideoPostInfo info = new VideoPostInfo(post.caption(), post.privacyLevel(), !check.allowDuet(), !check.allowStitch(),
                !check.allowComment(), post.videoCoverMs(), post.brandContent(), post.brandOrganic(), post.aigc());
        return client.initDirectVideo(post.accountId(), new DirectVideoInit(info, source));
    }

    static String endpoint(PublishablePost post) {
        if (post.type() == PostType.PHOTO) {
            return "content/init";
        }
        return post.mode() == PostMode.INBOX ? "inbox/video/init" : "video/init";
    }

    /** {@code call}: the call whose answer moves the post; its history row goes in with the move. */
    private CompletableFuture<Boolean> processing(PublishablePost post, PostState from, String reason, ApiCallEvent call) {
        Instant now = clock.instant();
        return transitions.applyLater(PostTransition.of(post.id(), from, PostState.PROCESSING, reason,
                now.plus(properties.reconciliation().firstCheck())).withCall(call))
                .thenApply(moved -> {
                    sent(post);
                    return moved;
                });
    }

    /** Counts a post whose media TikTok now has (pulled, or uploaded by us): reconciliation follows it from here. */
    private PublishOutcome sent(PublishablePost post) {
        meters.counter("calendar.posts.sent", "type", post.type().name(), "mode", post.mode().name()).increment();
        return PublishOutcome.SENT;
    }

    /** A failure of creator_info: nothing was created, so nothing is ambiguous. */
    private PublishOutcome beforeInitFailure(PublishablePost post, TikTokError error) {
        return switch (error.errorClass()) {
            case DEFER -> defer(post, PostState.CLAIMED, error, error.retryAt());
            case RETRY_SAFE, OUTCOME_UNKNOWN -> defer(post, PostState.CLAIMED, error, clock.instant().plus(properties.transientBackoff()));
            case REAUTHORIZE -> holdAccount(post, PostState.CLAIMED, error, "NEEDS_REAUTH");
            case ACCOUNT_CANNOT_POST -> holdAccount(post, PostState.CLAIMED, error, "CANNOT_POST");
            case APP_MISCONFIGURED -> hold(post, PostState.CLAIMED, failure(error));
            case POST_INVALID -> fail(post, Set.of(PostState.CLAIMED), failure(error), error.summary());
        };
    }

    private PublishOutcome initFailure(PublishablePost post, int attemptNo, TikTokError error, Instant at, boolean fileUpload) {
        if (error.publishId() != null) {
            attempts.recordSent(post.id(), attemptNo, at, error.publishId());
        }
        switch (error.errorClass()) {
            case OUTCOME_UNKNOWN -> {
                if (fileUpload && attemptNo < properties.maxAttempts()) {
                    // a FILE_UPLOAD publish cannot go live without our chunks, so a fresh init cannot duplicate it
                    attempts.finish(post.id(), attemptNo, "ABANDONED", error.code(), at);
                    states.apply(PostTransition.of(post.id(), PostState.INIT_IN_FLIGHT, PostState.DEFERRED,
                            "the init may have created a publish (" + error.code() + "), but it cannot go live without "
                                    + "our upload; a fresh init follows", at.plus(properties.transientBackoff()))
                            .withFailure(failure(error)));
                    return PublishOutcome.DEFERRED;
                }
                attempts.finish(post.id(), attemptNo, "UNKNOWN", error.code(), at);
                states.apply(PostTransition.of(post.id(), PostState.INIT_IN_FLIGHT, PostState.UNKNOWN,
                        "the init may have reached TikTok (" + error.code() + "); reconciling, never re-sent blindly",
                        at.plus(properties.reconciliation().firstCheck())).withFailure(failure(error)));
                meters.counter("calendar.posts.unknown").increment();
                return PublishOutcome.UNKNOWN;
            }
            case DEFER -> {
                attempts.finish(post.id(), attemptNo, "REJECTED", error.code(), at);
                if (INIT_BUDGET_CODES.contains(error.code())) {
                    return initTurns.deferToNext(post.accountId(), error.retryAt(), at,
                            turn -> defer(post, PostState.INIT_IN_FLIGHT, error, turn));
                }
                return defer(post, PostState.INIT_IN_FLIGHT, error, error.retryAt());
            }
            case RETRY_SAFE -> {
                attempts.finish(post.id(), attemptNo, "REJECTED", error.code(), at);
                return defer(post, PostState.INIT_IN_FLIGHT, error, at.plus(properties.transientBackoff()));
            }
            case REAUTHORIZE -> {
                attempts.finish(post.id(), attemptNo, "REJECTED", error.code(), at);
                return holdAccount(post, PostState.INIT_IN_FLIGHT, error, "NEEDS_REAUTH");
            }
            case ACCOUNT_CANNOT_POST -> {
                attempts.finish(post.id(), attemptNo, "REJECTED", error.code(), at);
                return holdAccount(post, PostState.INIT_IN_FLIGHT, error, "CANNOT_POST");
            }
            case APP_MISCONFIGURED -> {
                attempts.finish(post.id(), attemptNo, "REJECTED", error.code(), at);
                return hold(post, PostState.INIT_IN_FLIGHT, failure(error));
            }
            default -> {
                attempts.finish(post.id(), attemptNo, "FAILED", error.code(), at);
                return fail(post, Set.of(PostState.INIT_IN_FLIGHT), failure(error), error.summary());
            }
        }
    }

    /**
     * Another node (reconciliation, after this node's claim or lease ran out) has taken the post over and decides what
     * follows; this node sends no further chunk, so its publish can never go live next to a fresh one.
     */
    private PublishOutcome abandonUpload(PublishablePost post, int attemptNo, String why) {
        attempts.finish(post.id(), attemptNo, "ABANDONED", UploadPermit.WITHDRAWN, clock.instant());
        log.warn("post {}: attempt {} stopped before its upload finished: {}", post.id(), attemptNo, why);
        return PublishOutcome.SKIPPED;
    }

    /**
     * The init created a publish whose chunks did not all arrive. A last chunk that may have landed is UNKNOWN;
     * otherwise TikTok never completes that publish, so a fresh attempt (bounded) is safe.
     */
    private void uploadFailure(PublishablePost post, int attemptNo, TikTokError error) {
        Instant now = clock.instant();
        if (error.errorClass() == dev.tiktokcalendar.tiktok.error.ErrorClass.OUTCOME_UNKNOWN) {
            attempts.finish(post.id(), attemptNo, "UNKNOWN", error.code(), now);
            states.apply(PostTransition.of(post.id(), PostState.UPLOADING, PostState.UNKNOWN,
                    "the last chunk may have arrived (" + error.code() + "); reconciling",
                    now.plus(properties.reconciliation().firstCheck())).withFailure(failure(error)));
            return;
        }
        attempts.finish(post.id(), attemptNo, "FAILED", error.code(), now);
        if (attemptNo < properties.maxAttempts()) {
            states.apply(PostTransition.of(post.id(), PostState.UPLOADING, PostState.DEFERRED,
                    "upload failed (" + error.code() + "); a fresh init follows", now.plus(properties.retryBackoff()))
                    .withFailure(failure(error)));
            return;
        }
        fail(post, Set.of(PostState.UPLOADING), failure(error), "upload failed " + attemptNo + " times: " + error.summary());
    }

    private static TikTokError initBudgetUsedUp(PublishablePost post, Instant turn) {
        return ErrorCatalog.deferred(ApiCallRecorder.LOCAL_RATE_LIMIT, endpoint(post), turn, "the INIT rate limit of this account is used up");
    }

    private PublishOutcome defer(PublishablePost post, PostState from, TikTokError error, Instant until) {
        Instant at = until == null ? clock.instant().plus(properties.transientBackoff()) : until;
        states.apply(PostTransition.of(post.id(), from, PostState.DEFERRED, "deferred until " + at + ": " + error.code()
                + (error.message() == null ? "" : " - " + error.message()), at).withFailure(failure(error)));
        meters.counter("calendar.posts.deferred", "reason", error.code()).increment();
        return PublishOutcome.DEFERRED;
    }

    private PublishOutcome holdAccount(PublishablePost post, PostState from, TikTokError error, String accountStatus) {
        accounts.markAccount(post.accountId(), accountStatus, error.code() + ": " + error.userAction(), clock.instant());
        return hold(post, from, failure(error));
    }

    private PublishOutcome hold(PublishablePost post, PostState from, PostTransition.Failure failure) {
        states.apply(PostTransition.of(post.id(), from, PostState.HELD, "held: " + failure.message(), PostTransition.NEVER)
                .withFailure(failure));
        meters.counter("calendar.posts.held", "reason", failure.code()).increment();
        return PublishOutcome.HELD;
    }

    private PublishOutcome fail(PublishablePost post, Set<PostState> from, PostTransition.Failure failure, String reason) {
        return fail(post, from, failure, reason, null);
    }

    /** {@code call}: the call made before the failure was found (null: none); its history row goes in with the move. */
    private PublishOutcome fail(PublishablePost post, Set<PostState> from, PostTransition.Failure failure, String reason,
                                ApiCallEvent call) {
        states.apply(new PostTransition(post.id(), from, PostState.FAILED, reason, PostTransition.NEVER).withFailure(failure)
                .withCall(call));
        meters.counter("calendar.posts.failed", "reason", failure.code()).increment();
        return PublishOutcome.FAILED;
    }

    static PostTransition.Failure failure(TikTokError error) {
        return new PostTransition.Failure(error.code(), error.message(), error.logId(), error.userAction());
    }
}
