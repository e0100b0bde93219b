package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A transition that records an API call's answer writes the call's history row with its own, or alone; transitions
 * applied together (group commit) behave as each would alone.
 */
@SpringBootTest
class PostStateMachineTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostStateMachine states;

    @Autowired
    PostHistory history;

    @Autowired
    GroupedTransitions grouped;

    @Test
    void theCallsRowGoesInWithTheTransitionItCausesAndBeforeIt() {
        long post = postIn("PROCESSING");

        assertThat(publishAfterStatusCall(post)).isTrue();
        assertThat(history.of(post)).extracting(PostHistory.PostEvent::kind, PostHistory.PostEvent::endpoint,
                        PostHistory.PostEvent::toState)
                .containsExactly(
                        tuple("API_CALL", "status/fetch", null),
                        tuple("TRANSITION", null, "PUBLISHED"));
    }

    @Test
    void theCallIsRecordedAloneWhenThePostHasMovedMeanwhile() {
        long post = postIn("FAILED");

        assertThat(publishAfterStatusCall(post)).isFalse();
        assertThat(history.of(post)).extracting(PostHistory.PostEvent::kind, PostHistory.PostEvent::endpoint)
                .containsExactly(tuple("API_CALL", "status/fetch"));
        assertThat(jdbc.sql("SELECT state FROM post WHERE id = ?").param(post).query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void transitionsAppliedTogetherMoveExactlyThePostsStillInAnExpectedStateEachWithItsRows() {
        long processing = postIn("PROCESSING");
        long failed = postIn("FAILED");
        long alsoProcessing = postIn("PROCESSING");
        PostTransition published = publishing(processing);
        // the same post twice in one group: the second finds it PUBLISHED already
        List<Boolean> moved = states.applyTogether(List.of(publishing(alsoProcessing), published, publishing(failed), published));

        assertThat(moved).containsExactly(true, true, false, false);
        assertThat(history.of(processing)).extracting(PostHistory.PostEvent::kind, PostHistory.PostEvent::toState)
                .containsExactly(tuple("API_CALL", null), tuple("API_CALL", null), tuple("TRANSITION", "PUBLISHED"));
        assertThat(history.of(failed)).extracting(PostHistory.PostEvent::kind).containsExactly("API_CALL");
        assertThat(history.of(alsoProcessing)).extracting(PostHistory.PostEvent::kind).containsExactly("API_CALL", "TRANSITION");
        assertThat(jdbc.sql("SELECT state FROM post WHERE id IN (?, ?, ?) ORDER BY id").params(processing, failed, alsoProcessing)
                .query(String.class).list()).containsExactly("PUBLISHED", "FAILED", "PUBLISHED");
    }

    @Test
    void aGroupMovedByOneJoinedUpdateEndsExactlyAsItsTransitionsAppliedOneByOne() {
        Instant later = Instant.parse("2030-01-02T03:04:05.678Z");
        Instant completed = Instant.parse("2030-01-02T03:00:00.123Z");
        List<String> startStates = List.of("PROCESSING", "PROCESSING", "UPLOADING", "PROCESSING", "FAILED", "DEFERRED",
                "PROCESSING", "UNKNOWN");
        List<java.util.function.LongFunction<PostTransition>> transitions = List.of(
                post -> PostTransition.of(post, PostState.PROCESSING, PostState.PUBLISHED, "published", PostTransition.NEVER)
                        .withPublication(new PostTransition.Publication("7300000000000000001", "https://www.tiktok.com/@a/video/7300000000000000001", completed))
                        .withCall(statusCall(post)),
                post -> PostTransition.of(post, PostState.PROCESSING, PostState.FAILED, "failed: spam", null)
                        .withFailure(new PostTransition.Failure("spam_risk", "looks like spam", "log-9", "Change the caption")),
                post -> new PostTransition(post, Set.of(PostState.UPLOADING, PostState.PROCESSING), PostState.PROCESSING,
                        "uploaded", later),
                post -> PostTransition.of(post, PostState.PROCESSING, PostState.DEFERRED, "deferred: cap", later),
                post -> PostTransition.of(post, PostState.PROCESSING, PostState.PUBLISHED, "published", PostTransition.NEVER)
                        .withCall(statusCall(post)),
                post -> PostTransition.of(post, PostState.DEFERRED, PostState.CLAIMED, "claimed again", later),
                post -> PostTransition.of(post, PostState.PROCESSING, PostState.PUBLISHED_NO_PUBLIC_ID, "no public id", later)
                        .withPublication(new PostTransition.Publication(null, null, completed)),
                post -> PostTransition.of(post, PostState.UNKNOWN, PostState.SCHEDULED, "not found: again", later));
        List<Long> grouped = new ArrayList<>();
        List<Long> alone = new ArrayList<>();
        for (String state : startStates) {
            grouped.add(claimedPostWithAnEarlierFailure(state));
            alone.add(claimedPostWithAnEarlierFailure(state));
        }

        List<Boolean> movedTogether = states.applyTogether(IntStream.range(0, grouped.size())
                .mapToObj(i -> transitions.get(i).apply(grouped.get(i))).toList());
        List<Boolean> movedAlone = IntStream.range(0, alone.size())
                .mapToObj(i -> states.apply(transitions.get(i).apply(alone.get(i)))).toList();

        assertThat(movedTogether).containsExactly(true, true, true, true, false, true, true, true)
                .isEqualTo(movedAlone);
        // what both ways write, column by column, for a few of them (the two statements are written separately):
        assertThat(row(grouped.get(0))).as("published: its URL, its earlier failure kept, its claim let go")
                .containsExactly("PUBLISHED", "published", java.time.LocalDateTime.parse("9999-12-31T00:00"), null,
                        "internal", "earlier", "log-1", "none", "7300000000000000001",
                        "https://www.tiktok.com/@a/video/7300000000000000001",
                        java.time.LocalDateTime.parse("2030-01-02T03:00:00.123"), 4L);
        assertThat(row(grouped.get(1)).subList(0, 8)).as("failed: the new failure replaces the earlier one; next attempt kept")
                .containsExactly("FAILED", "failed: spam", java.time.LocalDateTime.parse("2030-01-01T00:00"), null,
                        "spam_risk", "looks like spam", "log-9", "Change the caption");
        assertThat(row(grouped.get(5)).get(3)).as("claimed again: the claim stays").isEqualTo("node-a");
        for (int i = 0; i < grouped.size(); i++) {
            assertThat(row(grouped.get(i))).as("post " + i + " (" + startStates.get(i) + ")").isEqualTo(row(alone.get(i)));
            assertThat(history.of(grouped.get(i))).as("history of post " + i)
                    .extracting(PostHistory.PostEvent::kind, PostHistory.PostEvent::endpoint, PostHistory.PostEvent::toState)
                    .isEqualTo(history.of(alone.get(i)).stream().map(e -> tuple(e.kind(), e.endpoint(), e.toState())).toList());
        }
    }

    @Test
    void manyThreadsApplyingAtOnceEachGetTheirOwnAnswerAndEveryRow() throws Exception {
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            posts.add(postIn(i % 4 == 0 ? "FAILED" : "PROCESSING"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> answers = new ArrayList<>();
        try {
            for (long post : posts) {
                answers.add(threads.submit(() -> grouped.apply(publishing(post))));
            }
            for (int i = 0; i < posts.size(); i++) {
                assertThat(answers.get(i).get()).as("post " + i).isEqualTo(i % 4 != 0);
            }
        } finally {
            threads.shutdownNow();
        }
        for (int i = 0; i < posts.size(); i++) {
            assertThat(history.of(posts.get(i))).extracting(PostHistory.PostEvent::kind)
                    .containsExactlyElementsOf(i % 4 == 0 ? List.of("API_CALL") : List.of("API_CALL", "TRANSITION"));
        }
    }

    private PostTransition publishing(long post) {
        return PostTransition.of(post, PostState.PROCESSING, PostState.PUBLISHED, "published: url", PostTransition.NEVER)
                .withCall(statusCall(post));
    }

    /** PROCESSING → PUBLISHED, recording the status call whose answer causes it. */
    private boolean publishAfterStatusCall(long post) {
        return states.apply(PostTransition.of(post, PostState.PROCESSING, PostState.PUBLISHED, "published: url",
                PostTransition.NEVER).withCall(statusCall(post)));
    }

    /** A post in {@code state}, claimed by a node, that failed once before (its failure columns are set). */
    private long claimedPostWithAnEarlierFailure(String state) {
        long post = postIn(state);
        // the same next attempt for twins made a few milliseconds apart: a transition without one keeps it
        jdbc.sql("UPDATE post SET claim_owner = 'node-a', fail_code = 'internal', fail_message = 'earlier', "
                + "fail_log_id = 'log-1', user_action = 'none', version = 3, next_attempt_at = '2030-01-01 00:00:00' "
                + "WHERE id = ?").param(post).update();
        return post;
    }

    /** Every column a transition writes, but the instant it was made. */
    private List<Object> row(long post) {
        return jdbc.sql("""
                        SELECT state, state_reason, next_attempt_at, claim_owner, fail_code, fail_message, fail_log_id,
                               user_action, tiktok_post_id, tiktok_url, completed_at, version
                        FROM post WHERE id = ?""")
                .param(post)
                .query((rs, n) -> {
                    List<Object> values = new ArrayList<>();
                    for (int column = 1; column <= 12; column++) {
                        values.add(rs.getObject(column));
                    }
                    return values;
                }).single();
    }

    private long postIn(String state) {
        CalendarFixtures fixtures = new CalendarFixtures(jdbc);
        long workspace = fixtures.workspace("machine-" + UUID.randomUUID());
        return fixtures.post(workspace, fixtures.account(workspace, "mover"), state, Instant.now());
    }

    private ApiCallEvent statusCall(long post) {
        long account = jdbc.sql("SELECT account_id FROM post WHERE id = ?").param(post).query(Long.class).single();
        return new ApiCallEvent(post, account, 1, "status/fetch", 200, "ok", "log-" + post, Duration.ofMillis(12),
                Instant.now());
    }
}
