package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class PostAttemptsTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostAttempts attempts;

    @Test
    void eachFreshInitIsANewCountedAttemptWithItsIntentSendTimeAndPublishId() {
        CalendarFixtures fixtures = new CalendarFixtures(jdbc);
        long workspace = fixtures.workspace("attempts-" + UUID.randomUUID());
        long post = fixtures.post(workspace, fixtures.account(workspace, "maker"), "SCHEDULED", Instant.now());
        Instant t0 = Instant.parse("2026-11-26T10:00:00.123Z");

        int first = attempts.openAttempt(post, t0, PostAttempts.MediaSource.FILE_UPLOAD);
        attempts.recordSent(post, first, t0.plusMillis(5), "v_pub_file~v2-1.1");
        attempts.finish(post, first, "FAILED", "internal", t0.plusSeconds(30));
        int second = attempts.openAttempt(post, t0.plusSeconds(40), PostAttempts.MediaSource.PULL_FROM_URL);

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(attempts.publishIdOf(post, 1)).contains("v_pub_file~v2-1.1");
        assertThat(attempts.publishIdOf(post, 2)).isEmpty();
        assertThat(jdbc.sql("SELECT attempt FROM post WHERE id = ?").param(post).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT outcome FROM post_attempt WHERE post_id = ? ORDER BY attempt_no").param(post)
                .query(String.class).list()).containsExactly("FAILED", "IN_FLIGHT");
        assertThat(jdbc.sql("SELECT DATE_FORMAT(init_intent_at, '%Y-%m-%d %H:%i:%s.%f') FROM post_attempt WHERE post_id = ? AND attempt_no = 1")
                .param(post).query(String.class).single()).as("milliseconds survive on MariaDB too")
                .isEqualTo("2026-11-26 10:00:00.123000");
        assertThat(jdbc.sql("SELECT publish_id FROM post WHERE id = ?").param(post).query(String.class).optional())
                .as("the post's publish id is its latest attempt's, which has none yet").isEmpty();
        assertThat(jdbc.sql("SELECT media_source FROM post_attempt WHERE post_id = ? ORDER BY attempt_no").param(post)
                .query(String.class).list()).containsExactly("FILE_UPLOAD", "PULL_FROM_URL");
    }
}
