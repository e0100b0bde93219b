package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A transition that records an API call's answer writes the call's history row with its own, or alone. */
@SpringBootTest
class PostStateMachineTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostStateMachine states;

    @Autowired
    PostHistory history;

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

    /** PROCESSING → PUBLISHED, recording the status call whose answer causes it. */
    private boolean publishAfterStatusCall(long post) {
        return states.apply(PostTransition.of(post, PostState.PROCESSING, PostState.PUBLISHED, "published: url",
                PostTransition.NEVER).withCall(statusCall(post)));
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
