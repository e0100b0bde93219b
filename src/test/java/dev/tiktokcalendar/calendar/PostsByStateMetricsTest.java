package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class PostsByStateMetricsTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachStateHasAGaugeFedByOneQueryThatIsRepeatedAtMostEveryFifteenSeconds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new PostsByStateMetrics(jdbc, clock, meters);
        CalendarFixtures fixtures = new CalendarFixtures(jdbc);
        long workspace = fixtures.workspace("metrics-" + UUID.randomUUID());
        long account = fixtures.account(workspace, "gauge");
        double heldBefore = held(meters);

        fixtures.post(workspace, account, "HELD", Instant.now());
        fixtures.post(workspace, account, "HELD", Instant.now());
        clock.advance(Duration.ofSeconds(15));
        double heldAfter = held(meters);
        fixtures.post(workspace, account, "HELD", Instant.now());

        assertThat(heldAfter - heldBefore).isEqualTo(2);
        assertThat(held(meters)).as("cached until the next refresh").isEqualTo(heldAfter);
        assertThat(meters.find("calendar.posts").gauges()).hasSize(PostState.values().length);
    }

    private static double held(SimpleMeterRegistry meters) {
        return meters.get("calendar.posts").tag("state", "HELD").gauge().value();
    }
}
