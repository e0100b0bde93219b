package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class PostsCommandTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostStateMachine stateMachine;

    @Autowired
    PostHistory history;

    @Autowired
    PostQueries queries;

    @Test
    void showPrintsThePostInItsZoneWithEveryTransitionAndApiCall() {
        CalendarFixtures fixtures = new CalendarFixtures(jdbc);
        long workspace = fixtures.workspace("show-" + UUID.randomUUID());
        long account = fixtures.account(workspace, "bakery");
        Instant due = Instant.parse("2026-07-01T08:00:00Z");
        long post = fixtures.post(workspace, account, "SCHEDULED", due);
        stateMachine.apply(PostTransition.of(post, PostState.SCHEDULED, PostState.CLAIMED, "claimed by node-1", due.plusSeconds(120)));
        history.recordApiCall(new ApiCallEvent(post, account, 1, "creator_info/query", 200, "ok", "LOG1", Duration.ofMillis(12), due));

        StringWriter text = new StringWriter();
        PostsCommand.Show.print(new PrintWriter(text), queries.summary(post).orElseThrow(), history.of(post));

        assertThat(text.toString())
                .contains("Post " + post + "  DIRECT VIDEO for @bakery")
                .contains("due        2026-07-01 10:00:00.000 Europe/Berlin (2026-07-01 08:00:00.000 UTC)")
                .contains("state      CLAIMED - claimed by node-1")
                .containsPattern("SCHEDULED\\s+-> CLAIMED\\s+claimed by node-1")
                .contains("API creator_info/query", "HTTP 200 ok log_id=LOG1 12 ms");
    }

    @Test
    void anUnknownPostIdHasNoSummary() {
        assertThat(queries.summary(Long.MAX_VALUE)).isEmpty();
    }
}
