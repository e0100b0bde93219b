package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.PostAttempts;
import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.jobs.reconcile.InFlightPost;
import dev.tiktokcalendar.jobs.reconcile.InFlightPosts;
import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lease an uploading node holds on its post: renewed while held, lost for good once reconciliation takes over. */
@SpringBootTest(properties = "calendar.publishing.upload-lease=800ms")
class UploadLeasesTest extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UploadLeases leases;

    @Autowired
    PostAttempts attempts;

    @Autowired
    InFlightPosts inFlight;

    @Test
    void aHeldLeaseIsRenewedBeforeEachChunkAndByItsHeartbeat() {
        long post = uploadingPost();
        // a third of the 800 ms lease has passed: a chunk renews it first
        Instant first = Instant.now().plusMillis(530).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        setLeaseEnd(post, first);

        try (UploadLeases.Lease lease = leases.hold(post, 1, first)) {
            assertThat(lease.mayContinue()).isTrue();
            Instant renewed = leaseEnd(post);
            assertThat(renewed).isAfter(first);

            await().atMost(Duration.ofSeconds(5)).until(() -> leaseEnd(post).isAfter(renewed));
            assertThat(lease.mayContinue()).as("the heartbeat's renewals keep the lease held").isTrue();
        }
        Instant afterClose = leaseEnd(post);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> leaseEnd(post).equals(afterClose));
    }

    @Test
    void aLeaseTakenMomentsAgoIsNotRewrittenBeforeTheFirstChunk() {
        long post = uploadingPost();
        Instant taken = leases.newExpiry();
        setLeaseEnd(post, taken);

        try (UploadLeases.Lease lease = leases.hold(post, 1, taken)) {
            assertThat(lease.mayContinue()).as("nobody can take the post before its lease runs out").isTrue();
            assertThat(leaseEnd(post)).as("more than three quarters of the lease are left: no renewal").isEqualTo(taken);
        }
    }

    @Test
    void anExpiredLeaseTakenByReconciliationIsLostAndNoFurtherChunkMaySend() {
        long post = uploadingPost();
        Instant expired = Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        setLeaseEnd(post, expired);
        // the uploading node froze (no heartbeat) past its lease, and reconciliation leased the post meanwhile
        List<InFlightPost> taken = inFlight.leaseDue(1000, Duration.ofMinutes(2));
        assertThat(taken).extracting(InFlightPost::id).contains(post);

        try (UploadLeases.Lease resumed = leases.hold(post, 1, expired)) {
            assertThat(resumed.mayContinue()).as("the frozen uploader resumes: its lease is gone").isFalse();
            assertThat(resumed.isLost()).isTrue();
        }
        assertThat(leaseEnd(post)).as("the reconciler's lease is untouched").isAfter(Instant.now().plusSeconds(60));
    }

    @Test
    void anExpiredLeaseNobodyTookIsStillRenewable() {
        long post = uploadingPost();
        Instant expired = Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        setLeaseEnd(post, expired);
        try (UploadLeases.Lease late = leases.hold(post, 1, expired)) {
            assertThat(late.mayContinue()).isTrue();
        }
        assertThat(leaseEnd(post)).isAfter(Instant.now());
    }

    @Test
    void aLeaseOfAnEarlierAttemptOrOfAPostNoLongerUploadingIsNotHeld() {
        long post = uploadingPost();
        // half the lease has passed, so a chunk renews it, and the renewal finds out
        Instant expiry = Instant.now().plusMillis(400).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        setLeaseEnd(post, expiry);
        try (UploadLeases.Lease stale = leases.hold(post, 0, expiry)) {
            assertThat(stale.mayContinue()).isFalse();
        }
        jdbc.sql("UPDATE post SET state = 'DEFERRED' WHERE id = ?").param(post).update();
        try (UploadLeases.Lease moved = leases.hold(post, 1, expiry)) {
            assertThat(moved.mayContinue()).isFalse();
        }
    }

    private long uploadingPost() {
        CalendarFixtures fixtures = new CalendarFixtures(jdbc);
        long workspace = fixtures.workspace("lease-" + UUID.randomUUID());
        long post = fixtures.post(workspace, fixtures.account(workspace, "uploader"), "UPLOADING", Instant.now());
        attempts.openAttempt(post, Instant.now(), PostAttempts.MediaSource.FILE_UPLOAD);
        attempts.recordSent(post, 1, Instant.now(), "v_pub_file~lease-" + post);
        return post;
    }

    private void setLeaseEnd(long post, Instant expiry) {
        jdbc.sql("UPDATE post SET next_attempt_at = ? WHERE id = ?").params(SqlTime.utc(expiry), post).update();
    }

    private Instant leaseEnd(long post) {
        return jdbc.sql("SELECT next_attempt_at FROM post WHERE id = ?").param(post)
                .query((rs, row) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)).single();
    }
}
