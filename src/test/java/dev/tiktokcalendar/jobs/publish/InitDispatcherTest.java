package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.InitIntents;
import dev.tiktokcalendar.calendar.PostAttempts;
import dev.tiktokcalendar.calendar.PostClaim;
import dev.tiktokcalendar.calendar.PostClaimer;
import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.ClaimingNode;
import dev.tiktokcalendar.support.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The init dispatcher on the real database: posts prepared ahead go out at their time, in one intent per batch. */
@SpringBootTest
class InitDispatcherTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    // a running clock 400 days ahead: the posts are never due for the schedulers of other test contexts on this schema
    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(400));
    private CalendarFixtures fixtures;
    private long workspace;
    private long account;
    private PostClaimer claimer;
    private InitDispatcher dispatcher;

    @BeforeEach
    void calendar() {
        fixtures = new CalendarFixtures(jdbc);
        workspace = fixtures.workspace("dispatch-" + UUID.randomUUID());
        account = fixtures.account(workspace, "creator");
        fixtures.onlyThisWorkspaceDue(workspace);
        ClaimingNode node = new ClaimingNode("dispatch-test", jdbc, transactionManager, clock);
        claimer = node.claimer;
        PublishingProperties properties = new PublishingProperties(null, List.of(), 100, 2000, Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofMinutes(2), 8, 4, 4, 3, Duration.ofMinutes(1), Duration.ofSeconds(30),
                new PublishingProperties.Reconciliation(null, null, null, null, null, null, null, 500, 5000));
        dispatcher = new InitDispatcher(properties, node.intents, claimer, new SimpleMeterRegistry(), clock);
    }

    @Test
    void postsPreparedAheadGoOutTogetherAtTheirTimeAndNotBefore() throws Exception {
        Instant due = clock.instant().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        List<Long> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(fixtures.post(workspace, account, "SCHEDULED", due));
        }
        Map<Long, Instant> sentAt = new ConcurrentHashMap<>();
        Map<Long, Integer> attempts = new ConcurrentHashMap<>();
        for (PostClaim claim : claimer.claimDue(10, Duration.ofMinutes(5), Duration.ofSeconds(30))) {
            dispatcher.sendAt(new PreparedInit(new InitIntents.Intent(claim, "init intent committed",
                    PostAttempts.MediaSource.FILE_UPLOAD), attemptNo -> {
                sentAt.put(claim.postId(), clock.instant());
                attempts.put(claim.postId(), attemptNo);
                return CompletableFuture.completedFuture(PublishOutcome.SENT);
            }));
        }
        assertThat(dispatcher.waiting()).isEqualTo(6);

        assertThat(dispatcher.awaitSentDueBy(due, Duration.ofSeconds(10))).isTrue();

        assertThat(sentAt.keySet()).containsExactlyInAnyOrderElementsOf(posts);
        assertThat(sentAt.values()).allMatch(at -> !at.isBefore(due), "not before " + due);
        assertThat(attempts.values()).containsOnly(1);
        for (long post : posts) {
            assertThat(fixtures.stateOf(post)).isEqualTo("INIT_IN_FLIGHT");
            assertThat(jdbc.sql("SELECT media_source FROM post_attempt WHERE post_id = ? AND attempt_no = 1").param(post)
                    .query(String.class).single()).isEqualTo("FILE_UPLOAD");
        }
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT occurred_at) FROM post_event WHERE post_id IN (:ids) AND to_state = 'INIT_IN_FLIGHT'")
                .param("ids", posts).query(Long.class).single()).as("intent transactions: one per sweep thread at most")
                .isLessThanOrEqualTo(2);
        dispatcher.destroy();
    }

    @Test
    void aStoppingNodePutsItsWaitingPostsBackAndSendsNothing() throws Exception {
        Instant due = clock.instant().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        long post = fixtures.post(workspace, account, "SCHEDULED", due);
        Map<Long, Instant> sentAt = new ConcurrentHashMap<>();
        PostClaim claim = claimer.claimDue(10, Duration.ofMinutes(5), Duration.ofSeconds(30)).get(0);
        dispatcher.sendAt(new PreparedInit(new InitIntents.Intent(claim, "init intent committed",
                PostAttempts.MediaSource.FILE_UPLOAD), attemptNo -> {
            sentAt.put(claim.postId(), clock.instant());
            return CompletableFuture.completedFuture(PublishOutcome.SENT);
        }));
        assertThat(fixtures.stateOf(post)).isEqualTo("CLAIMED");

        dispatcher.destroy();

        assertThat(sentAt).isEmpty();
        assertThat(fixtures.stateOf(post)).isEqualTo("SCHEDULED");
        assertThat(jdbc.sql("SELECT next_attempt_at FROM post WHERE id = ?").param(post).query(LocalDateTime.class).single()
                .toInstant(ZoneOffset.UTC)).isEqualTo(due);
    }

    @Test
    void aPostWhoseClaimWasTakenOverIsLeftToItsNewClaim() throws Exception {
        Instant due = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long post = fixtures.post(workspace, account, "SCHEDULED", due);
        PostClaim claim = claimer.claimDue(10, Duration.ofMinutes(5), Duration.ofSeconds(30)).get(0);
        jdbc.sql("UPDATE post SET claim_owner = 'another-node' WHERE id = ?").param(post).update();
        Map<Long, Instant> sentAt = new ConcurrentHashMap<>();
        dispatcher.sendAt(new PreparedInit(new InitIntents.Intent(claim, "init intent committed",
                PostAttempts.MediaSource.FILE_UPLOAD), attemptNo -> {
            sentAt.put(claim.postId(), clock.instant());
            return CompletableFuture.completedFuture(PublishOutcome.SENT);
        }));

        assertThat(dispatcher.awaitSentDueBy(clock.instant(), Duration.ofSeconds(10))).isTrue();

        assertThat(sentAt).isEmpty();
        assertThat(fixtures.stateOf(post)).isEqualTo("CLAIMED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post_attempt WHERE post_id = ?").param(post).query(Long.class).single()).isZero();
        dispatcher.destroy();
    }
}
