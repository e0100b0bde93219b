package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.ClaimingNode;
import dev.tiktokcalendar.support.DatabaseTest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Accepted inits recorded together, on the real database. */
@SpringBootTest
class InitResultsTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(400));
    private CalendarFixtures fixtures;
    private long workspace;
    private long account;
    private InitResults results;
    private InitIntents intents;
    private PostClaimer claimer;

    @BeforeEach
    void calendar() {
        fixtures = new CalendarFixtures(jdbc);
        workspace = fixtures.workspace("results-" + UUID.randomUUID());
        account = fixtures.account(workspace, "creator");
        fixtures.onlyThisWorkspaceDue(workspace);
        ClaimingNode node = new ClaimingNode("results-test", jdbc, transactionManager, clock);
        claimer = node.claimer;
        intents = node.intents;
        results = node.results;
    }

    /** Posts due now, claimed, with their intents committed: INIT_IN_FLIGHT on attempt 1. */
    private List<Long> postsInFlight(int count) {
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            posts.add(fixtures.post(workspace, account, "SCHEDULED", clock.instant().minusSeconds(1)));
        }
        List<InitIntents.Intent> toCommit = claimer.claimDue(count, Duration.ofMinutes(5), Duration.ZERO).stream()
                .map(claim -> new InitIntents.Intent(claim, "init intent committed", PostAttempts.MediaSource.FILE_UPLOAD))
                .toList();
        assertThat(intents.commit(toCommit, clock.instant().plus(Duration.ofMinutes(5)))).hasSize(count);
        return posts;
    }

    @Test
    void answersArrivingTogetherAreRecordedTogether() throws Exception {
        List<Long> posts = postsInFlight(40);
        Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant lease = sentAt.plus(Duration.ofMinutes(2));
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> moved = new ArrayList<>();
        for (long post : posts) {
            PostState target = post % 2 == 0 ? PostState.UPLOADING : PostState.PROCESSING;
            moved.add(senders.submit(() -> results.record(new InitResults.Accepted(post, 1, sentAt, "pub-" + post, target,
                    "init accepted (publish_id pub-" + post + ")", lease, initCall(post, sentAt)))));
        }
        for (Future<Boolean> each : moved) {
            assertThat(each.get()).isTrue();
        }
        senders.shutdown();

        for (long post : posts) {
            assertThat(fixtures.stateOf(post)).isEqualTo(post % 2 == 0 ? "UPLOADING" : "PROCESSING");
            assertThat(jdbc.sql("SELECT publish_id FROM post WHERE id = ?").param(post).query(String.class).single())
                    .isEqualTo("pub-" + post);
            assertThat(jdbc.sql("SELECT publish_id FROM post_attempt WHERE post_id = ? AND attempt_no = 1").param(post)
                    .query(String.class).single()).isEqualTo("pub-" + post);
            assertThat(jdbc.sql("SELECT init_sent_at FROM post_attempt WHERE post_id = ? AND attempt_no = 1").param(post)
                    .query(LocalDateTime.class).single().toInstant(ZoneOffset.UTC)).isEqualTo(sentAt);
            assertThat(jdbc.sql("SELECT next_attempt_at FROM post WHERE id = ?").param(post)
                    .query(LocalDateTime.class).single().toInstant(ZoneOffset.UTC)).isEqualTo(lease);
            assertThat(jdbc.sql("SELECT reason FROM post_event WHERE post_id = ? AND from_state = 'INIT_IN_FLIGHT'").param(post)
                    .query(String.class).single()).isEqualTo("init accepted (publish_id pub-" + post + ")");
            assertThat(jdbc.sql("""
                            SELECT CONCAT(kind, ' ', COALESCE(endpoint, ''), ' ', COALESCE(log_id, '')) FROM post_event
                            WHERE post_id = ? AND (kind = 'API_CALL' OR from_state = 'INIT_IN_FLIGHT') ORDER BY id""")
                    .param(post).query(String.class).list())
                    .as("the init call, then the move it led to").containsExactly("API_CALL video/init log-" + post, "TRANSITION  ");
        }
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT occurred_at) FROM post_event WHERE post_id IN (:ids) AND from_state = 'INIT_IN_FLIGHT'")
                .param("ids", posts).query(Long.class).single()).as("fewer transactions than answers").isLessThan(40);
    }

    @Test
    void aPostTakenOverKeepsItsPublishIdButIsNotMoved() {
        long post = postsInFlight(1).get(0);
        jdbc.sql("UPDATE post SET state = 'UNKNOWN' WHERE id = ?").param(post).update();

        boolean moved = results.record(new InitResults.Accepted(post, 1, clock.instant(), "pub-late", PostState.UPLOADING,
                "init accepted (publish_id pub-late)", clock.instant().plusSeconds(120), initCall(post, clock.instant())));

        assertThat(moved).isFalse();
        assertThat(fixtures.stateOf(post)).isEqualTo("UNKNOWN");
        assertThat(jdbc.sql("SELECT publish_id FROM post WHERE id = ?").param(post).query(String.class).single()).isEqualTo("pub-late");
        assertThat(jdbc.sql("SELECT publish_id FROM post_attempt WHERE post_id = ? AND attempt_no = 1").param(post)
                .query(String.class).single()).isEqualTo("pub-late");
        assertThat(jdbc.sql("SELECT log_id FROM post_event WHERE post_id = ? AND kind = 'API_CALL'").param(post)
                .query(String.class).list()).containsExactly("log-" + post);
    }

    @Test
    void answersAreRecordedOnceTheInitsBeingSentAreOut() throws Exception {
        long post = postsInFlight(1).get(0);
        java.util.concurrent.CountDownLatch initsOut = new java.util.concurrent.CountDownLatch(1);
        results.yieldTo(patience -> initsOut.await(patience.toMillis(), TimeUnit.MILLISECONDS));

        java.util.concurrent.CompletableFuture<Boolean> recorded = results.submit(new InitResults.Accepted(post, 1,
                clock.instant(), "pub-" + post, PostState.PROCESSING, "init accepted (publish_id pub-" + post + ")",
                clock.instant().plusSeconds(10), initCall(post, clock.instant())));
        Thread.sleep(300);

        assertThat(recorded).as("held while inits are being sent").isNotDone();
        assertThat(fixtures.stateOf(post)).isEqualTo("INIT_IN_FLIGHT");
        initsOut.countDown();
        assertThat(recorded.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(fixtures.stateOf(post)).isEqualTo("PROCESSING");
    }

    @Test
    void answersQueuedWhenTheNodeStopsAreCommittedAndLaterOnesOnTheirCallersThread() throws Exception {
        List<Long> posts = postsInFlight(3);
        Instant lease = clock.instant().plusSeconds(120);
        List<java.util.concurrent.CompletableFuture<Boolean>> queued = new ArrayList<>();
        for (long post : posts.subList(0, 2)) {
            queued.add(results.submit(new InitResults.Accepted(post, 1, clock.instant(), "pub-" + post, PostState.UPLOADING,
                    "init accepted (publish_id pub-" + post + ")", lease, initCall(post, clock.instant()))));
        }

        results.destroy();

        for (java.util.concurrent.CompletableFuture<Boolean> each : queued) {
            assertThat(each).isCompletedWithValue(true);
        }
        long last = posts.get(2);
        assertThat(results.submit(new InitResults.Accepted(last, 1, clock.instant(), "pub-" + last, PostState.PROCESSING,
                "init accepted (publish_id pub-" + last + ")", lease, initCall(last, clock.instant()))))
                .as("committed before submit returns").isCompletedWithValue(true);
        assertThat(posts).extracting(fixtures::stateOf).containsExactly("UPLOADING", "UPLOADING", "PROCESSING");
    }

    private ApiCallEvent initCall(long post, Instant at) {
        return new ApiCallEvent(post, account, 1, "video/init", 200, "ok", "log-" + post, Duration.ofMillis(50), at);
    }
}
