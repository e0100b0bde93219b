package dev.tiktokcalendar.jobs.reconcile;

import dev.tiktokcalendar.jobs.publish.PublishingProperties;
import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One reconciliation run leases again while checks are due, up to its cap, instead of one lease a run. */
@SpringBootTest
class LeasingInFlightReaderTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InFlightPosts inFlight;

    private CalendarFixtures calendar;
    private long workspace;
    private long account;

    @BeforeEach
    void aWorkspaceWhosePostsAloneAreDue() {
        calendar = new CalendarFixtures(jdbc);
        workspace = calendar.workspace("leasing-" + UUID.randomUUID());
        account = calendar.account(workspace, "checker");
        calendar.onlyThisWorkspaceDue(workspace);
    }

    @Test
    void aRunTakesChecksThatComeDueWhileItRunsLeaseAfterLease() {
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            due.add(dueForACheck());
        }
        LeasingInFlightReader reader = new LeasingInFlightReader(inFlight, settings(2, 100));

        List<Long> read = new ArrayList<>();
        read.add(reader.read().id());
        read.add(reader.read().id());
        // a post leaves processing while the run works on its first lease
        due.add(dueForACheck());
        InFlightPost next;
        while ((next = reader.read()) != null) {
            read.add(next.id());
        }

        assertThat(read).containsExactlyInAnyOrderElementsOf(due);
        assertThat(reader.read()).as("a lease that found nothing ends the run").isNull();
    }

    @Test
    void aRunChecksNoMoreThanItsCap() {
        for (int i = 0; i < 7; i++) {
            dueForACheck();
        }
        LeasingInFlightReader reader = new LeasingInFlightReader(inFlight, settings(2, 5));

        int read = 0;
        while (reader.read() != null) {
            read++;
        }

        assertThat(read).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post WHERE workspace_id = ? AND next_attempt_at <= UTC_TIMESTAMP(3)")
                .param(workspace).query(Integer.class).single()).as("left due for the next run").isEqualTo(2);
    }

    private long dueForACheck() {
        return calendar.post(workspace, account, "PROCESSING", Instant.now().minusSeconds(1));
    }

    private static PublishingProperties.Reconciliation settings(int batch, int maxPostsPerRun) {
        return new PublishingProperties.Reconciliation(null, null, null, null, null, null, Duration.ofMinutes(2), batch,
                maxPostsPerRun);
    }
}
