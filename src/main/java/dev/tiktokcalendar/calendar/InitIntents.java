package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.LockConflictRetry;
import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Commits the intent to init for a batch of claimed posts in one short transaction of its own (architecture §6: the
 * intent is durable before any of their inits goes on the wire): each post whose claim still holds moves from CLAIMED
 * to INIT_IN_FLIGHT with its history row and opens its next {@code post_attempt}. A claim that expired and was taken
 * again (by any node) is not this node's any more: that post is left alone. A few statements per batch, whatever its
 * size.
 */
@Component
public class InitIntents {

    private final JdbcClient jdbc;
    private final PostStateMachine stateMachine;
    private final PostClaimer claimer;
    private final PostHistory history;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public InitIntents(JdbcClient jdbc, PostStateMachine stateMachine, PostClaimer claimer, PostHistory history, Clock clock,
                       PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.stateMachine = stateMachine;
        this.claimer = claimer;
        this.history = history;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * One post's intent: under which claim, the reason its history shows, how its media reach TikTok, and the call that
     * prepared it ({@code creator_info}; null when none did), whose history row is committed with the intent.
     */
    public record Intent(PostClaim claim, String reason, PostAttempts.MediaSource mediaSource, ApiCallEvent preparingCall) {

        public Intent(PostClaim claim, String reason, PostAttempts.MediaSource mediaSource) {
            this(claim, reason, mediaSource, null);
        }
    }

    /**
     * Commits the intents whose claims still hold; returns the attempt number opened per post id (posts whose claim
     * no longer holds are absent). {@code inFlightUntil} is when an intent nobody finished becomes UNKNOWN.
     */
    public Map<Long, Integer> commit(List<Intent> intents, Instant inFlightUntil) {
        if (intents.isEmpty()) {
            return Map.of();
        }
        List<ApiCallEvent> preparingCalls = intents.stream().map(Intent::preparingCall).filter(Objects::nonNull).toList();
        try {
            return LockConflictRetry.run(() -> ownTransaction.execute(status -> commitInCurrentTransaction(intents,
                    preparingCalls, inFlightUntil)));
        } catch (RuntimeException notCommitted) {
            // the calls were made whatever became of the intents
            history.recordApiCalls(preparingCalls);
            throw notCommitted;
        }
    }

    private Map<Long, Integer> commitInCurrentTransaction(List<Intent> intents, List<ApiCallEvent> preparingCalls,
                                                          Instant inFlightUntil) {
        history.recordApiCalls(preparingCalls);
        Map<Long, Intent> byPost = new LinkedHashMap<>();
        intents.forEach(intent -> byPost.put(intent.claim().postId(), intent));
        Map<Long, Integer> attemptNo = new LinkedHashMap<>();
        claimer.lockHeld(intents.stream().map(Intent::claim).toList())
                .forEach((id, attemptsSoFar) -> attemptNo.put(id, attemptsSoFar + 1));
        if (attemptNo.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<Long, PostState>> byReason = new HashMap<>();
        attemptNo.keySet().forEach(id -> byReason.computeIfAbsent(byPost.get(id).reason(), reason -> new LinkedHashMap<>())
                .put(id, PostState.CLAIMED));
        byReason.forEach((reason, posts) ->
                stateMachine.applyAllInCurrentTransaction(posts, PostState.INIT_IN_FLIGHT, reason, inFlightUntil));
        List<Long> ids = List.copyOf(attemptNo.keySet());
        // the post's publish id is always its latest attempt's
        jdbc.sql("UPDATE post SET attempt = attempt + 1, publish_id = NULL WHERE id IN (:ids)").param("ids", ids).update();
        Instant now = clock.instant();
        StringJoiner rows = new StringJoiner(", ");
        List<Object> values = new ArrayList<>();
        attemptNo.forEach((id, attempt) -> {
            rows.add("(?, ?, ?, ?, 'IN_FLIGHT')");
            values.addAll(Arrays.asList(id, attempt, SqlTime.utc(now), byPost.get(id).mediaSource().name()));
        });
        jdbc.sql("INSERT INTO post_attempt (post_id, attempt_no, init_intent_at, media_source, outcome) VALUES " + rows)
                .params(values).update();
        return Map.copyOf(attemptNo);
    }
}
