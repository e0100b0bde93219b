package dev.tiktokcalendar.scheduling;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobScheduleTest {

    @Test
    void aWhenDueScheduleNeedsTheIntervalItAsksAtAndNoCron() {
        assertThatThrownBy(() -> new JobSchedule("publishDuePostsJob", null, null, ZoneOffset.UTC, true, true))
                .hasMessageContaining("when-due: it needs 'interval'");
        assertThatThrownBy(() -> new JobSchedule("publishDuePostsJob", "0 * * * * ?", null, ZoneOffset.UTC, true, true))
                .hasMessageContaining("and no 'cron'");
        assertThatThrownBy(() -> new JobSchedule("publishDuePostsJob", null, Duration.ZERO, ZoneOffset.UTC, true, true))
                .hasMessageContaining("interval must be positive");
    }

    @Test
    void eachKindOfScheduleHasItsOwnSignature() {
        assertThat(new JobSchedule("j", null, Duration.ofSeconds(1), ZoneOffset.UTC, true, true).signature())
                .isEqualTo("when-due:1000ms");
        assertThat(new JobSchedule("j", null, Duration.ofSeconds(1), ZoneOffset.UTC, true, false).signature())
                .isEqualTo("interval:1000ms");
        assertThat(new JobSchedule("j", "0 0 2 * * ?", null, ZoneOffset.UTC, true, false).signature())
                .isEqualTo("cron:0 0 2 * * ?@Z");
    }
}
