package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Claiming, transitions and the due probe on the real database. */
@SpringBootTest
class PostClaimingTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    PostHistory history;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(400)));
    private CalendarFixtures fixtures;
    private long workspace;
    private long account;

    @BeforeEach
    void calendar() {
        fixtures = new CalendarFixtures(jdbc);
        workspace = fixtures.workspace("claims-" + UUID.randomUUID());
        account = fixtures.account(workspace, "creator");
        // posts of other tests in the shared schema are due long before this test's clock
        fixtures.onlyThisWorkspaceDue(workspace);
    }

    private PostStateMachine stateMachine(String node) {
        return new PostStateMachine(jdbc, new PostHistory(jdbc, new NodeName(node)), clock, transactionManager);
    }

    private PostClaimer claimer(String node) {
        return new PostClaimer(jdbc, stateMachine(node), new NodeName(node), clock, transactionManager);
    }

    @Test
    void twoNodesClaimingAtOnceGetDisjointPostsThatTogetherCoverEveryDuePost() throws Exception {
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            due.add(fixtures.post(workspace, account, "SCHEDULED", clock.instant().minusSeconds(i)));
        }
        long future = fixtures.post(workspace, account, "SCHEDULED", clock.instant().plusSeconds(60));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (String node : List.of("node-1", "node-2")) {
            Callable<List<Long>> claimLoop = () -> {
                List<Long> mine = new ArrayList<>();
                List<Long> batch;
                while (!(batch = ids(claimer(node).claimDue(7, Duration.ofMinutes(2), Duration.ZERO))).isEmpty()) {
                    mine.addAll(batch);
                }
                return mine;
            };
            results.add(pool.submit(claimLoop));
        }
        List<Long> first = results.get(0).get();
        List<Long> second = results.get(1).get();
        pool.shutdown();

        assertThat(Collections.disjoint(first, second)).isTrue();
        Set<Long> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(all).containsExactlyInAnyOrderElementsOf(due);
        assertThat(fixtures.stateOf(future)).isEqualTo("SCHEDULED");
        for (var claims : List.of(Map.entry("node-1", first), Map.entry("node-2", second))) {
            if (!claims.getValue().isEmpty()) {
                assertThat(jdbc.sql("SELECT DISTINCT claim_owner FROM post WHERE id IN (:ids)").param("ids", claims.getValue())
                        .query(String.class).list()).as("owner of the posts " + claims.getKey() + " claimed")
                        .containsExactly(claims.getKey());
            }
        }
    }

    private InitIntents intents(String node) {
        return new InitIntents(jdbc, stateMachine(node), claimer(node), new PostHistory(jdbc, new NodeName(node)), clock,
                transactionManager);
    }

    private static InitIntents.Intent intent(PostClaim claim) {
        return new InitIntents.Intent(claim, "init intent committed", PostAttempts.MediaSource.FILE_UPLOAD);
    }

    private static List<Long> ids(List<PostClaim> claims) {
        return claims.stream().map(PostClaim::postId).toList();
    }

    @Test
    void postsDueWithinTheLeadAreClaimedAheadAndKeepTheirDueTime() {
        Instant dueSoon = clock.instant().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        long soon = fixtures.post(workspace, account, "SCHEDULED", dueSoon);
        long later = fixtures.post(workspace, account, "SCHEDULED", clock.instant().plusSeconds(45));

        List<PostClaim> claims = claimer("node-1").claimDue(10, Duration.ofMinutes(5), Duration.ofSeconds(30));

        assertThat(claims).extracting(PostClaim::postId).containsExactly(soon);
        assertThat(claims.get(0).dueAt()).isEqualTo(dueSoon);
        assertThat(claims.get(0).expiresAt()).isEqualTo(clock.instant().plusSeconds(30).plus(Duration.ofMinutes(5)));
        assertThat(fixtures.stateOf(soon)).isEqualTo("CLAIMED");
        assertThat(fixtures.stateOf(later)).isEqualTo("SCHEDULED");
    }

    @Test
    void aPostDeferredWhilePreparedAheadIsStillDueAtItsPublishTime() {
        Instant publishAt = clock.instant().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        long post = fixtures.post(workspace, account, "DEFERRED", publishAt);
        jdbc.sql("UPDATE post SET next_attempt_at = ? WHERE id = ?")
                .params(java.time.LocalDateTime.ofInstant(clock.instant().plusSeconds(2), java.time.ZoneOffset.UTC), post).update();
        assertThat(claimer("node-1").claimDue(10, Duration.ofMinutes(5), Duration.ofSeconds(30)))
                .as("a deferred post is not prepared ahead of its deferral").isEmpty();
        clock.advance(Duration.ofSeconds(2));

        List<PostClaim> claims = claimer("node-1").claimDue(10, Duration.ofMinutes(5), Duration.ofSeconds(30));

        assertThat(claims).extracting(PostClaim::postId).containsExactly(post);
        assertThat(claims.get(0).dueAt()).as("never before its publish time").isEqualTo(publishAt);
    }

    @Test
    void anInitIntentNeedsTheClaimItWasPreparedUnder() {
        long post = fixtures.post(workspace, account, "SCHEDULED", clock.instant().minusSeconds(1));
        PostClaim stale = claimer("node-1").claimDue(1, Duration.ofMinutes(2), Duration.ZERO).get(0);
        clock.advance(Duration.ofMinutes(3));
        assertThat(claimer("node-2").releaseExpiredClaims(Duration.ofSeconds(30))).isEqualTo(1);
        PostClaim current = claimer("node-1").claimDue(1, Duration.ofMinutes(2), Duration.ZERO).get(0);
        Instant inFlightUntil = clock.instant().plus(Duration.ofMinutes(2));

        assertThat(intents("node-1").commit(List.of(intent(stale)), inFlightUntil)).as("the expired claim").isEmpty();
        assertThat(intents("node-2").commit(List.of(intent(current)), inFlightUntil)).as("another node's claim").isEmpty();
        assertThat(fixtures.stateOf(post)).isEqualTo("CLAIMED");
        assertThat(intents("node-1").commit(List.of(intent(current)), inFlightUntil)).containsExactly(Map.entry(post, 1));
        assertThat(fixtures.stateOf(post)).isEqualTo("INIT_IN_FLIGHT");
    }

    @Test
    void expiredClaimsGoBackToTheQueueButAnInitInFlightBecomesUnknown() {
        long claimedOnly = fixtures.post(workspace, account, "SCHEDULED", clock.instant().minusSeconds(5));
        long initSent = fixtures.post(workspace, account, "SCHEDULED", clock.instant().minusSeconds(5));
        PostClaimer crashedNode = claimer("crashed");
        assertThat(ids(crashedNode.claimDue(10, Duration.ofMinutes(2), Duration.ZERO))).containsExactlyInAnyOrder(claimedOnly, initSent);
        stateMachine("crashed").apply(PostTransition.of(initSent, PostState.CLAIMED, PostState.INIT_IN_FLIGHT,
                "init intent", clock.instant().plus(Duration.ofMinutes(2))));

        clock.advance(Duration.ofMinutes(1));
        assertThat(claimer("survivor").releaseExpiredClaims(Duration.ofSeconds(30))).isZero();
        clock.advance(Duration.ofMinutes(2));
        int released = claimer("survivor").releaseExpiredClaims(Duration.ofSeconds(30));

        assertThat(released).isEqualTo(2);
        assertThat(fixtures.stateOf(claimedOnly)).isEqualTo("SCHEDULED");
        assertThat(fixtures.stateOf(initSent)).isEqualTo("UNKNOWN");
        assertThat(history.of(initSent)).extracting(PostHistory.PostEvent::toState)
                .containsExactly("CLAIMED", "INIT_IN_FLIGHT", "UNKNOWN");
    }

    @Test
    void aTransitionFromAStateThePostIsNoLongerInChangesNothing() {
        long post = fixtures.post(workspace, account, "SCHEDULED", clock.instant().minusSeconds(1));
        PostStateMachine machine = stateMachine("node");
        assertThat(machine.apply(PostTransition.of(post, PostState.SCHEDULED, PostState.CANCELLED, "user cancelled", null))).isTrue();

        boolean applied = machine.apply(PostTransition.of(post, PostState.SCHEDULED, PostState.CLAIMED, "late claim",
                clock.instant()));

        assertThat(applied).isFalse();
        assertThat(fixtures.stateOf(post)).isEqualTo("CANCELLED");
        assertThat(history.of(post)).hasSize(1).first().satisfies(event -> {
            assertThat(event.reason()).isEqualTo("user cancelled");
            assertThat(event.node()).isEqualTo("node");
        });
    }

    @Test
    void theDueProbeSeesOnlyPostsWhoseTimeHasCome() {
        DuePostProbe probe = new DuePostProbe(jdbc, clock);
        long post = fixtures.post(workspace, account, "SCHEDULED", clock.instant().plusSeconds(10));
        assertThat(probe.anythingDue(PostState.DUE_FOR_PUBLISHING)).isFalse();

        clock.advance(Duration.ofSeconds(10));

        assertThat(probe.anythingDue(PostState.DUE_FOR_PUBLISHING)).isTrue();
        assertThat(probe.anythingDue(PostState.DUE_FOR_RECONCILIATION)).isFalse();
        jdbc.sql("DELETE FROM post WHERE id = ?").param(post).update();
    }

    @Test
    void theEarliestDueInstantPerStateCoversPostsAlreadyDueAndPostsComingDueByTheHorizon() {
        DuePostProbe probe = new DuePostProbe(jdbc, clock);
        Instant now = clock.instant();
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        long later = fixtures.post(workspace, account, "DEFERRED", second.plusSeconds(2));
        long muchLater = fixtures.post(workspace, account, "SCHEDULED", second.plusSeconds(30));
        long checkLater = fixtures.post(workspace, account, "PROCESSING", second.plusSeconds(3));

        assertThat(probe.earliestDueByState(PostState.DUE_FOR_PUBLISHING, now.plusSeconds(1))).isEmpty();
        assertThat(probe.earliestDueByState(PostState.DUE_FOR_PUBLISHING, now.plusSeconds(3)))
                .containsExactly(Map.entry(PostState.DEFERRED, second.plusSeconds(2)));
        long overdue = fixtures.post(workspace, account, "SCHEDULED", second.minusSeconds(5));
        assertThat(probe.earliestDueByState(PostState.DUE_FOR_PUBLISHING, now.plusSeconds(1)))
                .containsExactly(Map.entry(PostState.SCHEDULED, second.minusSeconds(5)));
        assertThat(probe.earliestDueByState(EnumSet.of(PostState.SCHEDULED, PostState.DEFERRED, PostState.PROCESSING),
                now.plusSeconds(3))).containsOnly(Map.entry(PostState.SCHEDULED, second.minusSeconds(5)),
                Map.entry(PostState.DEFERRED, second.plusSeconds(2)),
                Map.entry(PostState.PROCESSING, second.plusSeconds(3)));
        jdbc.sql("DELETE FROM post WHERE id IN (?, ?, ?, ?)").params(later, muchLater, overdue, checkLater).update();
    }

    @Test
    void anApiCallIsRecordedInThePostsHistory() {
        long post = fixtures.post(workspace, account, "SCHEDULED", clock.instant());
        history.recordApiCall(new ApiCallEvent(post, account, 1, "video/init", 200, "ok", "20261126LOG",
                Duration.ofMillis(42), clock.instant()));

        assertThat(history.of(post)).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo("API_CALL");
            assertThat(event.endpoint()).isEqualTo("video/init");
            assertThat(event.httpStatus()).isEqualTo(200);
            assertThat(event.tiktokCode()).isEqualTo("ok");
            assertThat(event.logId()).isEqualTo("20261126LOG");
            assertThat(event.durationMs()).isEqualTo(42);
        });
    }
}
