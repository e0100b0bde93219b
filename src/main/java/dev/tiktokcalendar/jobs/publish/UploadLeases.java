package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.tiktok.upload.UploadPermit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The lease a node holds on a post while it streams the post's chunks to TikTok. An UPLOADING post's
 * {@code next_attempt_at} is the end of that lease: the uploader renews it before every chunk (unless most of it is
 * left) and on a heartbeat
 * while a chunk is on its way, so a node that dies mid-upload gives the post to reconciliation one lease later (not
 * when the upload URL expires an hour later). A renewal is a compare-and-set on the value the uploader wrote last:
 * once reconciliation has leased the post (which moves {@code next_attempt_at}), the uploader has lost it and sends
 * no further chunk, even if it was only frozen for longer than its lease.
 */
@Component
public class UploadLeases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UploadLeases.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "upload-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public UploadLeases(JdbcClient jdbc, Clock clock, PublishingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = properties.uploadLease();
    }

    /** The end of a lease taken now, as stored (milliseconds). */
    public Instant newExpiry() {
        return clock.instant().plus(lease).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Starts renewing the lease of an UPLOADING post for attempt {@code attemptNo}, whose {@code next_attempt_at} was
     * set to {@code expiry}; close it when the upload ends.
     */
    public Lease hold(long postId, int attemptNo, Instant expiry) {
        Lease held = new Lease(postId, attemptNo, expiry);
        long every = Math.max(lease.toMillis() / 4, 10);
        held.heartbeat = heartbeats.scheduleWithFixedDelay(held::renewQuietly, every, every, TimeUnit.MILLISECONDS);
        return held;
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }

    /** A held upload lease; as an {@link UploadPermit} it renews the lease and says whether it is still held. */
    public final class Lease implements UploadPermit, AutoCloseable {

        private final long postId;
        private final int attemptNo;
        private volatile boolean lost;
        private boolean closed;
        private volatile ScheduledFuture<?> heartbeat;
        private Instant expiry;

        private Lease(long postId, int attemptNo, Instant expiry) {
            this.postId = postId;
            this.attemptNo = attemptNo;
            this.expiry = expiry;
        }

        /**
         * True while the lease is held. It is renewed here unless more than three quarters of it are left (just after
         * the commit that took it, before a first chunk): no other node can take the post before it runs out, so a
         * renewal then would only rewrite what was just written (one statement a post).
         */
        @Override
        public boolean mayContinue() {
            return !lost && (mostlyLeft() || renew());
        }

        private synchronized boolean mostlyLeft() {
            return !closed && Duration.between(clock.instant(), expiry).compareTo(lease.multipliedBy(3).dividedBy(4)) > 0;
        }

        public boolean isLost() {
            return lost;
        }

        private synchronized boolean renew() {
            if (lost || closed) {
                return false;
            }
            Instant renewedExpiry = newExpiry();
            if (!renewedExpiry.isAfter(expiry)) {
                renewedExpiry = expiry.plusMillis(1);
            }
            int renewed = jdbc.sql("""
                            UPDATE post SET next_attempt_at = ?
                            WHERE id = ? AND state = 'UPLOADING' AND attempt = ? AND next_attempt_at = ?""")
                    .params(SqlTime.utc(renewedExpiry), postId, attemptNo, SqlTime.utc(expiry))
                    .update();
            if (renewed == 1) {
                expiry = renewedExpiry;
            } else {
                lost = true;
                log.warn("post {}: the upload lease of attempt {} was lost (the post was taken over); no further chunk is sent",
                        postId, attemptNo);
            }
            return !lost;
        }

        private void renewQuietly() {
            try {
                renew();
            } catch (RuntimeException e) {
                // a missed heartbeat only shortens the lease; the renewal before the next chunk decides
                log.debug("post {}: upload lease heartbeat failed: {}", postId, e.toString());
            }
        }

        /** Stops renewing; once this returns, no renewal is running or will run, so the post may change state. */
        @Override
        public synchronized void close() {
            closed = true;
            ScheduledFuture<?> running = heartbeat;
            if (running != null) {
                running.cancel(false);
            }
        }
    }
}
