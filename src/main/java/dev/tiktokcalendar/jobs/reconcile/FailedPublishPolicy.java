package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.calendar.PostTransition;
import dev.tiktokcalendar.jobs.publish.PublishingProperties;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * What becomes of a post TikTok reports as FAILED, by its {@code fail_reason}'s class — one rule for status polls
 * and webhooks alike: retryable reasons ({@code internal}, pull failures) get a fresh init while attempts remain;
 * deferrals wait for their time (24 h for the daily cap); a lost authorisation holds the post; anything else fails it.
 */
@Component
public class FailedPublishPolicy {

    private final PublishingProperties properties;

    public FailedPublishPolicy(PublishingProperties properties) {
        this.properties = properties;
    }

    /**
     * @param current          the post's state (an UNKNOWN post goes back to SCHEDULED rather than DEFERRED)
     * @param consumedAttempts the inits the post has used
     */
    public Decision decide(PostState current, TikTokError failure, int consumedAttempts, Instant now) {
        PostState retry = current == PostState.UNKNOWN ? PostState.SCHEDULED : PostState.DEFERRED;
        return switch (failure.errorClass()) {
            case RETRY_SAFE -> consumedAttempts < properties.maxAttempts()
                    ? new Decision(retry, now.plus(properties.retryBackoff()), "TikTok failed the publish (" + failure.code()
                    + "); attempt " + (consumedAttempts + 1) + " of " + properties.maxAttempts() + " follows", false)
                    : new Decision(PostState.FAILED, PostTransition.NEVER, "TikTok failed the publish (" + failure.code()
                    + ") " + consumedAttempts + " times", false);
            case DEFER -> {
                Instant at = failure.retryAt() == null ? now.plus(Duration.ofHours(24)) : failure.retryAt();
                yield new Decision(retry, at, "TikTok deferred the post (" + failure.code() + ") until " + at, false);
            }
            case REAUTHORIZE -> new Decision(PostState.HELD, PostTransition.NEVER, "held: " + failure.code(), true);
            default -> new Decision(PostState.FAILED, PostTransition.NEVER, "TikTok refused the post: " + failure.code(), false);
        };
    }

    /** The state to move to, when to look again, why, and whether the account must be connected again. */
    public record Decision(PostState target, Instant next, String reason, boolean accountNeedsReauth) {
    }
}
