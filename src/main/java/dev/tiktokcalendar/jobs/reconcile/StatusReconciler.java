package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.calendar.ApiCallEvent;
import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.calendar.GroupedTransitions;
import dev.tiktokcalendar.calendar.PostTransition;
import dev.tiktokcalendar.jobs.publish.AccountPostingState;
import dev.tiktokcalendar.jobs.publish.ApiCallRecorder;
import dev.tiktokcalendar.jobs.publish.PublishingProperties;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.PublishStatus;
import dev.tiktokcalendar.tiktok.api.Video;
import dev.tiktokcalendar.tiktok.api.VideoPage;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides what became of a post sent to TikTok. With a {@code publish_id} it asks {@code status/fetch} on a durable,
 * adaptive schedule (first when processing is likely done, then exponential backoff with jitter, a ceiling after
 * which the post is flagged stuck); it records the public URL, keeps looking more slowly for the public id TikTok
 * often publishes after completion, and applies each {@code fail_reason}'s retry policy. Without a
 * {@code publish_id} (an init that may have landed) it searches {@code video/list}; only after the search window
 * may a public post be sent again, and posts whose audience keeps them out of the list wait for an operator.
 */
@Component
public class StatusReconciler {

    static final List<String> VIDEO_FIELDS = List.of("id", "create_time", "share_url", "title", "video_description");

    private final TikTokClient client;
    private final ApiCallRecorder calls;
    private final GroupedTransitions transitions;
    private final InFlightPosts posts;
    private final AccountPostingState accounts;
    private final PublishingProperties properties;
    private final PublishingProperties.Reconciliation settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final FailedPublishPolicy failedPublishes;

    public StatusReconciler(TikTokClient client, ApiCallRecorder calls, GroupedTransitions transitions, InFlightPosts posts,
                            AccountPostingState accounts, PublishingProperties properties, FailedPublishPolicy failedPublishes,
                            MeterRegistry meters, Clock clock) {
        this.failedPublishes = failedPublishes;
        this.client = client;
        this.calls = calls;
        this.transitions = transitions;
        this.posts = posts;
        this.accounts = accounts;
        this.properties = properties;
        this.settings = properties.reconciliation();
        this.meters = meters;
        this.clock = clock;
    }

    public ReconcileOutcome reconcile(InFlightPost post) {
        if (post.publishId() == null && post.state() == PostState.UNKNOWN && post.isUploadedByUs()) {
            return neverUploaded(post);
        }
        if (post.publishId() == null) {
            return searchVideoList(post);
        }
        ApiCallRecorder.Made<PublishStatus> made = calls.make(post.id(), post.accountId(), post.attempt(), "status/fetch",
                () -> client.fetchStatus(post.accountId(), post.publishId()));
        TikTokResult<PublishStatus> result = made.result();
        PublishStatus status = result.isOk() ? result.orElseThrow() : null;
        if (status == null || status.state() != PublishStatus.State.PUBLISH_COMPLETE) {
            // the most common answer, PUBLISH_COMPLETE, has its history row written with the move it causes
            calls.record(made.event());
        }
        if (status == null) {
            return statusCallFailed(post, result.error());
        }
        return switch (status.state()) {
            case PUBLISH_COMPLETE -> complete(post, status, made.event());
            case SEND_TO_USER_INBOX -> move(post, PostState.IN_INBOX, "delivered to the creator's TikTok inbox", null, null,
                    ReconcileOutcome.IN_INBOX);
            case FAILED -> failed(post, status.failure());
            case PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, UNRECOGNISED -> stillProcessing(post, status);
        };
    }

    /**
     * The init's answer was lost (the node stopped, or TikTok answered ambiguously): a publish it may have made waits
     * for chunks nobody can send, so it never goes live, and a fresh init (while attempts remain) cannot duplicate it.
     */
    private ReconcileOutcome neverUploaded(InFlightPost post) {
        if (post.consumedAttempts() < properties.maxAttempts()) {
            return move(post, PostState.SCHEDULED, "the init's answer was lost, but a FILE_UPLOAD publish cannot go live "
                    + "without our chunks; a fresh init follows", null, null, ReconcileOutcome.RETRYING, clock.instant());
        }
        return move(post, PostState.FAILED, "no init of " + post.consumedAttempts() + " got a clear answer from TikTok",
                new PostTransition.Failure("init_outcome_unknown", "TikTok did not answer any of the "
                        + post.consumedAttempts() + " inits clearly; none of them can have gone live (no video was uploaded)",
                        null, "Schedule the post again; if it keeps failing, check TikTok's status page."),
                null, ReconcileOutcome.FAILED);
    }

    private ReconcileOutcome complete(InFlightPost post, PublishStatus status, ApiCallEvent call) {
        Instant now = clock.instant();
        Instant completedAt = post.completedAt() == null ? now : post.completedAt();
        if (!status.publicPostIds().isEmpty()) {
            String id = status.publicPostIds().get(0);
            String url = "https://www.tiktok.com/@" + post.username() + "/video/" + id;
            return move(post, PostState.PUBLISHED, "published: " + url, null,
                    new PostTransition.Publication(id, url, completedAt), ReconcileOutcome.PUBLISHED, PostTransition.NEVER, call);
        }
        boolean keepLooking = post.isPublicDirectPost() && now.isBefore(completedAt.plus(settings.publicIdPatience()));
        Instant next = keepLooking ? now.plus(settings.publicIdInterval()) : PostTransition.NEVER;
        String reason = post.isPublicDirectPost()
                ? (keepLooking ? "published; TikTok has not released the public id yet (moderation)"
                : "published; TikTok released no public id within " + settings.publicIdPatience())
                : "published to a " + post.privacyLevel() + " audience: TikTok gives such posts no public id";
        if (post.state() == PostState.PUBLISHED_NO_PUBLIC_ID) {
            calls.record(call);
            posts.checkAgainAt(post.id(), post.state(), next, true, reason);
            return ReconcileOutcome.PUBLISHED_NO_PUBLIC_ID;
        }
        return move(post, PostState.PUBLISHED_NO_PUBLIC_ID, reason, null,
                new PostTransition.Publication(null, null, completedAt), ReconcileOutcome.PUBLISHED_NO_PUBLIC_ID, next, call);
    }

    private ReconcileOutcome failed(InFlightPost post, TikTokError failure) {
        Instant now = clock.instant();
        FailedPublishPolicy.Decision decision = failedPublishes.decide(post.state(), failure, post.consumedAttempts(), now);
        if (decision.accountNeedsReauth()) {
            accounts.markAccount(post.accountId(), "NEEDS_REAUTH", failure.code() + ": " + failure.userAction(), now);
        }
        ReconcileOutcome outcome = switch (decision.target()) {
            case HELD -> ReconcileOutcome.HELD;
            case FAILED -> ReconcileOutcome.FAILED;
            default -> ReconcileOutcome.RETRYING;
        };
        return move(post, decision.target(), decision.reason(), new PostTransition.Failure(failure.code(),
                failure.message(), failure.logId(), failure.userAction()), null, outcome, decision.next());
    }

    private ReconcileOutcome stillProcessing(InFlightPost post, PublishStatus status) {
        Instant now = clock.instant();
        Instant sent = post.initSentAt() == null ? now : post.initSentAt();
        boolean waitingForChunks = status.state() == PublishStatus.State.PROCESSING_UPLOAD;
        if (post.state() == PostState.UPLOADING && waitingForChunks) {
            // the node streaming the chunks is gone and nobody else holds the upload URL: this publish never completes
            return move(post, PostState.DEFERRED, "the upload was interrupted; a fresh init follows", null, null,
                    ReconcileOutcome.RETRYING, now.plus(properties.retryBackoff()));
        }
        if (post.state() == PostState.UNKNOWN && waitingForChunks
                && (status.uploadedBytes() == null || status.uploadedBytes() == 0)) {
            // the init landed but not one byte followed (the node stopped first): it can never go live
            return move(post, PostState.SCHEDULED, "the init landed but its upload never started; a fresh init follows",
                    null, null, ReconcileOutcome.RETRYING, now.plus(properties.retryBackoff()));
        }
        if (post.state() != PostState.UNKNOWN && Duration.between(sent, now).compareTo(settings.processingCeiling()) > 0) {
            return move(post, PostState.UNKNOWN, "stuck: TikTok still says " + status.rawStatus() + " "
                    + Duration.between(sent, now).toMinutes() + " min after the init", null, null,
                    ReconcileOutcome.UNKNOWN, now.plus(settings.maxInterval()));
        }
        if (post.state() == PostState.UNKNOWN || post.state() == PostState.UPLOADING) {
            move(post, PostState.PROCESSING, "TikTok is processing it (" + status.rawStatus() + ")", null, null,
                    ReconcileOutcome.STILL_PROCESSING, now.plus(backoff(post.statusChecks())));
            return ReconcileOutcome.STILL_PROCESSING;
        }
        posts.checkAgainAt(post.id(), post.state(), now.plus(backoff(post.statusChecks())), true, null);
        return ReconcileOutcome.STILL_PROCESSING;
    }

    private ReconcileOutcome statusCallFailed(InFlightPost post, TikTokError error) {
        Instant now = clock.instant();
        if (error.errorClass() == ErrorClass.DEFER) {
            posts.checkAgainAt(post.id(), post.state(), error.retryAt() == null ? now.plus(settings.maxInterval()) : error.retryAt(),
                    false, null);
            return ReconcileOutcome.STILL_PROCESSING;
        }
        if (error.errorClass() == ErrorClass.POST_INVALID) {
            // TikTok does not know this publish_id (or not for this account): look for the post itself
            return searchVideoList(post);
        }
        if (error.errorClass() == ErrorClass.REAUTHORIZE) {
            // never re-sent: the publish may still complete; its outcome is read once the account is reconnected
            accounts.markAccount(post.accountId(), "NEEDS_REAUTH", error.code() + ": " + error.userAction(), now);
            posts.checkAgainAt(post.id(), post.state(), now.plus(settings.maxInterval()), false,
                    "held in flight: TikTok's answer can be read once the account is reconnected (" + error.code() + ")");
            return ReconcileOutcome.HELD;
        }
        posts.checkAgainAt(post.id(), post.state(), now.plus(settings.maxInterval()), false,
                "status check failed: " + error.code());
        return ReconcileOutcome.STILL_PROCESSING;
    }

    /** An init that may have landed without a publish id: is the post among the creator's public videos? */
    private ReconcileOutcome searchVideoList(InFlightPost post) {
        Instant now = clock.instant();
        Instant since = (post.intentAt() == null ? now : post.intentAt()).minus(Duration.ofMinutes(1));
        Long cursor = null;
        for (int page = 0; page < 5; page++) {
            Long pageCursor = cursor;
            TikTokResult<VideoPage> result = calls.call(post.id(), post.accountId(), post.attempt(), "video/list",
                    () -> client.listVideos(post.accountId(), pageCursor, 20, VIDEO_FIELDS));
            if (!result.isOk()) {
                TikTokError error = result.error();
                Instant next = error.errorClass() == ErrorClass.DEFER && error.retryAt() != null ? error.retryAt()
                        : now.plus(settings.maxInterval());
                posts.checkAgainAt(post.id(), post.state(), next, false, "video/list search failed: " + error.code());
                return ReconcileOutcome.UNKNOWN;
            }
            VideoPage videos = result.orElseThrow();
            for (Video video : videos.videos()) {
                if (video.createTime() != null && Instant.ofEpochSecond(video.createTime()).isBefore(since)) {
                    return notFound(post, now);
                }
                if (sameCaption(post.caption(), video)) {
                    String url = video.shareUrl() != null ? video.shareUrl()
                            : "https://www.tiktok.com/@" + post.username() + "/video/" + video.id();
                    return move(post, PostState.PUBLISHED, "found among the creator's videos: " + url, null,
                            new PostTransition.Publication(video.id(), url, Instant.ofEpochSecond(video.createTime())),
                            ReconcileOutcome.PUBLISHED);
                }
            }
            if (!videos.hasMore()) {
                break;
            }
            cursor = videos.cursor();
        }
        return notFound(post, now);
    }

    private ReconcileOutcome notFound(InFlightPost post, Instant now) {
        Instant searchEnds = (post.intentAt() == null ? now : post.intentAt()).plus(settings.unknownSearchWindow());
        if (now.isBefore(searchEnds)) {
            posts.checkAgainAt(post.id(), post.state(), min(now.plus(settings.maxInterval()), searchEnds), false,
                    "the init may have landed; not among the creator's public videos yet");
            return ReconcileOutcome.UNKNOWN;
        }
        if (post.isPublicDirectPost()) {
            return move(post, PostState.SCHEDULED, "not among the creator's public videos " + settings.unknownSearchWindow()
                    + " after the init: it did not land; sending it again", null, null,
                    ReconcileOutcome.NOT_FOUND_RESCHEDULED, now);
        }
        posts.checkAgainAt(post.id(), post.state(), PostTransition.NEVER, false,
                "waits for an operator: a " + post.privacyLevel() + " post never shows in TikTok's public video list, so "
                        + "whether the init landed cannot be checked; look at the creator's profile, then reschedule or cancel it");
        return ReconcileOutcome.WAITS_FOR_OPERATOR;
    }

    private static boolean sameCaption(String caption, Video video) {
        String expected = caption == null ? "" : caption.strip();
        return expected.equals(Objects.requireNonNullElse(video.title(), "").strip())
                || expected.equals(Objects.requireNonNullElse(video.videoDescription(), "").strip());
    }

    private ReconcileOutcome move(InFlightPost post, PostState target, String reason, PostTransition.Failure failure,
                                  PostTransition.Publication publication, ReconcileOutcome outcome) {
        return move(post, target, reason, failure, publication, outcome, target.isPending() ? clock.instant() : PostTransition.NEVER);
    }

    private ReconcileOutcome move(InFlightPost post, PostState target, String reason, PostTransition.Failure failure,
                                  PostTransition.Publication publication, ReconcileOutcome outcome, Instant next) {
        return move(post, target, reason, failure, publication, outcome, next, null);
    }

    /** {@code call}: the status call whose answer causes the move, recorded with it (or alone if the post cannot move). */
    private ReconcileOutcome move(InFlightPost post, PostState target, String reason, PostTransition.Failure failure,
                                  PostTransition.Publication publication, ReconcileOutcome outcome, Instant next,
                                  ApiCallEvent call) {
        if (!post.state().canMoveTo(target)) {
            calls.record(call);
            posts.checkAgainAt(post.id(), post.state(), clock.instant().plus(settings.maxInterval()), false,
                    "TikTok reports a change (" + reason + ") a " + post.state() + " post cannot make; check it by hand");
            return ReconcileOutcome.SKIPPED;
        }
        PostTransition transition = PostTransition.of(post.id(), post.state(), target, reason, next).withCall(call);
        if (failure != null) {
            transition = transition.withFailure(failure);
        }
        if (publication != null) {
            transition = transition.withPublication(publication);
        }
        if (!transitions.apply(transition)) {
            return ReconcileOutcome.SKIPPED;
        }
        meters.counter("calendar.reconcile.outcomes", "outcome", outcome.name()).increment();
        return outcome;
    }

    /** First check plus exponential backoff with ±20 % jitter, capped at the maximum interval. */
    Duration backoff(int checksSoFar) {
        long base = settings.firstCheck().toMillis() * (1L << Math.min(checksSoFar, 16));
        long capped = Math.min(base, settings.maxInterval().toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
