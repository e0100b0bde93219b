package dev.tiktokcalendar.scheduling;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobScheduleTest {

    @Test
    void aWhenDueScheduleNeedsTheIntervalItAsksAtAndNoCron() {
        assertThatThrownBy(() -> new JobSchedule("publishDuePostsJob", null, null, ZoneOffset.UTC, true, true, false))
                .hasMessageContaining("when-due: it needs 'interval'");
        assertThatThrownBy(() -> new JobSchedule("publishDuePostsJob", "0 * * * * ?", null, ZoneOffset.UTC, true, true, false))
                .hasMessageContaining("and no 'cron'");
        assertThatThrownBy(() -> new JobSchedule("publishDuePostsJob", null, Duration.ZERO, ZoneOffset.UTC, true, true, false))
                .hasMessageContaining("interval must be positive");
    }

    @Test
    void aWhenDueScheduleLaunchesAtTheDueInstantOrOnTheNextIntervalBoundary() {
        Instant now = Instant.parse("2030-01-01T00:00:10.250Z");
        JobSchedule atInstant = new JobSchedule("j", null, Duration.ofSeconds(1), ZoneOffset.UTC, true, true, false);
        JobSchedule onBoundaries = new JobSchedule("j", null, Duration.ofSeconds(1), ZoneOffset.UTC, true, true, true);

        assertThat(atInstant.launchInstant(now.plusMillis(600), now)).isEqualTo(now.plusMillis(600));
        assertThat(atInstant.launchInstant(now.minusSeconds(5), now)).as("overdue: now").isEqualTo(now);
        assertThat(onBoundaries.launchInstant(now.plusMillis(600), now)).isEqualTo(Instant.parse("2030-01-01T00:00:11Z"));
        assertThat(onBoundaries.launchInstant(now.minusSeconds(5), now)).isEqualTo(Instant.parse("2030-01-01T00:00:11Z"));
        assertThat(onBoundaries.launchInstant(Instant.parse("2030-01-01T00:00:12Z"), now))
                .as("already on a boundary").isEqualTo(Instant.parse("2030-01-01T00:00:12Z"));
        assertThatThrownBy(() -> new JobSchedule("j", null, Duration.ofSeconds(1), ZoneOffset.UTC, true, false, true))
                .hasMessageContaining("on-interval-boundaries needs when-due");
    }

    @Test
    void eachKindOfScheduleHasItsOwnSignature() {
        assertThat(new JobSchedule("j", null, Duration.ofSeconds(1), ZoneOffset.UTC, true, true, false).signature())
                .isEqualTo("when-due:1000ms");
        assertThat(new JobSchedule("j", null, Duration.ofSeconds(1), ZoneOffset.UTC, true, false, false).signature())
                .isEqualTo("interval:1000ms");
        assertThat(new JobSchedule("j", "0 0 2 * * ?", null, ZoneOffset.UTC, true, false, false).signature())
                .isEqualTo("cron:0 0 2 * * ?@Z");
    }
}
