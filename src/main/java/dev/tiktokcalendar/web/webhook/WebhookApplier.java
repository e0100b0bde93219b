package dev.tiktokcalendar.web.webhook;

import dev.tiktokcalendar.accounts.Account;
import dev.tiktokcalendar.accounts.AccountHolds;
import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.calendar.PostStateMachine;
import dev.tiktokcalendar.calendar.PostTransition;
import dev.tiktokcalendar.jobs.reconcile.FailedPublishPolicy;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.api.TikTokJson;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Applies stored webhook events (contract §11). Every post move goes through {@link PostStateMachine}, guarded by
 * the states it may come from, so an event that arrives late, twice, or after status polling already moved the
 * post changes nothing. The mapping, by event:
 * <ul>
 *   <li>{@code post.publish.publicly_available}: PROCESSING, PUBLISHED_NO_PUBLIC_ID, IN_INBOX, UNKNOWN → PUBLISHED
 *       with the post id and {@code https://www.tiktok.com/@username/video/<post_id>};</li>
 *   <li>{@code post.publish.complete}: PROCESSING, UNKNOWN, IN_INBOX → PUBLISHED_NO_PUBLIC_ID (reconciliation keeps
 *       looking for the public id);</li>
 *   <li>{@code post.publish.inbox_delivered}: PROCESSING, UNKNOWN → IN_INBOX;</li>
 *   <li>{@code post.publish.failed}: the same {@link FailedPublishPolicy} as the reconciliation job; when the
 *       account must be connected again, its other posts are held too;</li>
 *   <li>{@code post.publish.no_longer_publicaly_available}: recorded only;</li>
 *   <li>{@code authorization.removed}: the account needs re-authorisation and its future posts are HELD.</li>
 * </ul>
 */
@Component
public class WebhookApplier {

    static final Duration PUBLIC_ID_RECHECK = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(WebhookApplier.class);

    private final WebhookEvents events;
    private final PostStateMachine states;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountHolds holds;
    private final TokenStore tokens;
    private final ErrorCatalog catalog;
    private final FailedPublishPolicy failedPublishes;
    private final Clock clock;

    public WebhookApplier(WebhookEvents events, PostStateMachine states, JdbcClient jdbc, Accounts accounts,
                          AccountHolds holds, TokenStore tokens, TikTokProperties settings,
                          FailedPublishPolicy failedPublishes, Clock clock) {
        this.events = events;
        this.states = states;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.holds = holds;
        this.tokens = tokens;
        this.catalog = new ErrorCatalog(settings.retry().deferrals());
        this.failedPublishes = failedPublishes;
        this.clock = clock;
    }

    /** Applies every stored event not applied yet (also those a crashed node left behind). */
    public synchronized int applyPending() {
        int applied = 0;
        for (WebhookEvents.Event event : events.unapplied(100)) {
            String outcome;
            try {
                outcome = apply(event);
            } catch (RuntimeException e) {
                outcome = "not applied: " + e.getClass().getSimpleName();
                log.warn("Webhook event {} ({}) could not be applied", event.id(), event.event(), e);
            }
            events.markApplied(event.id(), outcome, clock.instant());
            log.info("Webhook {} {}: {}", event.id(), event.event(), outcome);
            applied++;
        }
        return applied;
    }

    String apply(WebhookEvents.Event event) {
        JsonNode content = parse(event.content());
        if ("authorization.removed".equals(event.event())) {
            return authorizationRemoved(event.userOpenId(), content.path("reason").asInt(0));
        }
        if (!event.event().startsWith("post.publish.")) {
            return "ignored: not a Content Posting event";
        }
        String publishId = TikTokJson.text(content, "publish_id");
        Optional<PostRef> post = publishId == null ? Optional.empty() : post(publishId);
        if (post.isEmpty()) {
            return "no post with publish_id " + publishId;
        }
        PostRef p = post.get();
        Instant now = clock.instant();
        switch (event.event()) {
            case "post.publish.publicly_available": {
                String postId = content.path("post_id").isNumber() ? content.path("post_id").asString()
                        : TikTokJson.text(content, "post_id");
                String url = postId == null || p.username() == null ? null
                        : "https://www.tiktok.com/@" + p.username() + "/video/" + postId;
                return moved(p, states.apply(new PostTransition(p.id(), EnumSet.of(PostState.PROCESSING,
                        PostState.PUBLISHED_NO_PUBLIC_ID, PostState.IN_INBOX, PostState.UNKNOWN), PostState.PUBLISHED,
                        "TikTok webhook: publicly available", null).withPublication(
                        new PostTransition.Publication(postId, url, now))), PostState.PUBLISHED);
            }
            case "post.publish.complete":
                return moved(p, states.apply(new PostTransition(p.id(), EnumSet.of(PostState.PROCESSING, PostState.UNKNOWN,
                        PostState.IN_INBOX), PostState.PUBLISHED_NO_PUBLIC_ID, "TikTok webhook: publish complete",
                        now.plus(PUBLIC_ID_RECHECK)).withPublication(new PostTransition.Publication(null, null, now))),
                        PostState.PUBLISHED_NO_PUBLIC_ID);
            case "post.publish.inbox_delivered":
                return moved(p, states.apply(new PostTransition(p.id(), EnumSet.of(PostState.PROCESSING, PostState.UNKNOWN),
                        PostState.IN_INBOX, "TikTok webhook: delivered to the creator's inbox", null)), PostState.IN_INBOX);
            case "post.publish.failed":
                return failed(p, publishId, TikTokJson.text(content, "reason"), now);
            default:
                return "recorded: " + event.event();
        }
    }

    /** A failed publish, decided as the reconciliation job decides it, from the webhook instead of a poll. */
    private String failed(PostRef p, String publishId, String reason, Instant now) {
        TikTokError error = catalog.failReason(reason == null ? "internal" : reason, publishId, "webhook", now);
        FailedPublishPolicy.Decision decision = failedPublishes.decide(p.state(), error, consumedAttempts(p.id()), now);
        if (decision.accountNeedsReauth()) {
            tokens.markNeedsReauth(p.accountId(), error.code() + ": " + error.userAction(), now);
            holds.holdPosts(p.accountId(), "the TikTok account must be connected again");
        }
        if (!p.state().canMoveTo(decision.target())) {
            return moved(p, false, decision.target());
        }
        PostTransition.Failure failure = new PostTransition.Failure(error.code(), error.message(), null, error.userAction());
        return moved(p, states.apply(PostTransition.of(p.id(), p.state(), decision.target(),
                "TikTok webhook: " + decision.reason(), decision.next()).withFailure(failure)), decision.target());
    }

    private int consumedAttempts(long postId) {
        return jdbc.sql("SELECT COUNT(*) FROM post_attempt WHERE post_id = :id AND outcome <> 'REJECTED'")
                .param("id", postId).query(Integer.class).single();
    }

    private String authorizationRemoved(String openId, int reason) {
        Optional<Account> account = openId == null ? Optional.empty() : accounts.byOpenId(openId);
        if (account.isEmpty()) {
            return "no account with open_id " + openId;
        }
        long id = account.get().id();
        tokens.markNeedsReauth(id, "authorization removed on TikTok (reason " + reason + ")", clock.instant());
        int held = holds.holdPosts(id, "the creator removed the app's authorization on TikTok");
        return "account " + id + " needs re-authorisation; " + held + " post(s) held";
    }

    private static String moved(PostRef post, boolean applied, PostState target) {
        return applied ? "post " + post.id() + " " + post.state() + " -> " + target
                : "post " + post.id() + " stays " + post.state() + " (no move to " + target + " from there)";
    }

    private record PostRef(long id, long accountId, PostState state, String username) {
    }

    private Optional<PostRef> post(String publishId) {
        return jdbc.sql("""
                        SELECT p.id, p.account_id, p.state, a.username FROM post p JOIN tiktok_account a ON a.id = p.account_id
                        WHERE p.publish_id = :publishId ORDER BY p.id DESC LIMIT 1""")
                .param("publishId", publishId)
                .query((rs, row) -> new PostRef(rs.getLong(1), rs.getLong(2), PostState.valueOf(rs.getString(3)), rs.getString(4)))
                .optional();
    }

    private static JsonNode parse(String content) {
        if (content == null || content.isBlank()) {
            return TikTokJson.MAPPER.createObjectNode();
        }
        JsonNode node = TikTokJson.MAPPER.readTree(content);
        return node == null ? TikTokJson.MAPPER.createObjectNode() : node;
    }
}
