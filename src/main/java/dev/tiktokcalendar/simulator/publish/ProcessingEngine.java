package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.display.PublicVideo;
import dev.tiktokcalendar.simulator.display.PublicVideos;
import dev.tiktokcalendar.simulator.media.MediaDownloader;
import dev.tiktokcalendar.simulator.media.MediaInfo;
import dev.tiktokcalendar.simulator.media.MediaProbe;
import dev.tiktokcalendar.simulator.media.ProbedMedia;
import dev.tiktokcalendar.simulator.media.VideoChecks;
import dev.tiktokcalendar.simulator.webhook.WebhookSender;
import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The asynchronous life of a publish after its init (contract §8, §17.7). Media arrive (last chunk, or the
 * download, which takes at least {@code downloadDelay}); after {@code processingDelay} the publish FAILs
 * (bad media, pull error, injected reason) or reaches PUBLISH_COMPLETE (direct) / SEND_TO_USER_INBOX (inbox).
 * A public direct post gets its 19-digit id, its place in video/list and the publicly_available webhook only
 * after {@code moderationDelay}; other posts never do. All instants come from the simulator clock, so moving
 * that clock moves the publishes; {@link #advance} runs on every status read and, for the publishes whose next timed
 * change is due, on the simulator's tick.
 */
public final class ProcessingEngine {

    /** TikTok gives up a PULL_FROM_URL download one hour after the task started (contract §6.4). */
    private static final Duration PULL_TIMEOUT = Duration.ofHours(1);

    private final SimulatorSettings settings;
    private final SimClock clock;
    private final PublishStore store;
    private final PublicVideos publicVideos;
    private final WebhookSender webhooks;
    private final Ids ids;
    private final ExecutorService downloads;
    private final ProbedMedia probe = new ProbedMedia(new MediaProbe(), 1024);
    private final MediaDownloader downloader = new MediaDownloader();
    // the publishes that change by time alone, soonest first: the tick looks at those that are due, not at every
    // publish still waiting for its chunks (a thousand at a time in a throughput run, fifty times a second)
    private final PriorityBlockingQueue<Due> timed = new PriorityBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    public ProcessingEngine(SimulatorSettings settings, SimClock clock, PublishStore store, PublicVideos publicVideos,
                            WebhookSender webhooks, Ids ids, ExecutorService downloads) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.publicVideos = publicVideos;
        this.webhooks = webhooks;
        this.ids = ids;
        this.downloads = downloads;
    }

    /** The last chunk arrived: probe the file, remember what it was, and start the processing delay. */
    void uploadComplete(Publish publish) {
        Path file = publish.upload.file;
        String digest = HexFormat.of().formatHex(publish.upload.digest.digest());
        MediaInfo media = probe.probe(file, digest);
        deleteQuietly(file);
        mediaArrived(publish, "sha256:" + digest, media, clock.now());
    }

    void startVideoDownload(Publish publish) {
        schedule(publish, Instant.MIN);
        downloads.execute(() -> {
            Path file = null;
            try {
                file = Files.createTempFile("tiktok-sim-", ".pull");
                downloader.download(publish.sourceUrls.get(0), file, settings.maxVideoSize(),
                        bytes -> setDownloaded(publish, bytes));
                String digest = sha256(file);
                mediaArrived(publish, "sha256:" + digest, probe.probe(file, digest), downloadFinishedAt(publish));
            } catch (IOException | RuntimeException e) {
                pullFailed(publish, "video_pull_failed");
            } finally {
                deleteQuietly(file);
            }
        });
    }

    void startPhotoDownload(Publish publish) {
        schedule(publish, Instant.MIN);
        downloads.execute(() -> {
            StringBuilder key = new StringBuilder("sha256:");
            String failure = null;
            for (String url : publish.sourceUrls) {
                Path file = null;
                try {
                    file = Files.createTempFile("tiktok-sim-", ".photo");
                    long before = publish.downloadedBytes;
                    downloader.download(url, file, 25L * 1024 * 1024, bytes -> setDownloaded(publish, before + bytes));
                    String digest = sha256(file);
                    if (failure == null) {
                        failure = VideoChecks.photoFailReason(probe.probe(file, digest)).orElse(null);
                    }
                    key.append(digest, 0, 16);
                } catch (IOException | RuntimeException e) {
                    pullFailed(publish, "photo_pull_failed");
                    return;
                } finally {
                    deleteQuietly(file);
                }
            }
            synchronized (publish) {
                publish.mediaKey = key.toString();
                if (publish.pendingFailReason == null) {
                    publish.pendingFailReason = failure;
                }
                markReady(publish, downloadFinishedAt(publish));
            }
        });
    }

    private void mediaArrived(Publish publish, String mediaKey, MediaInfo media, Instant readyAt) {
        synchronized (publish) {
            publish.mediaKey = mediaKey;
            publish.durationSec = media.durationSec();
            publish.width = media.width();
            publish.height = media.height();
            if (publish.pendingFailReason == null) {
                publish.pendingFailReason = VideoChecks.failReason(media,
                        publish.creator.maxVideoPostDurationSec(), settings.minVideoDuration()).orElse(null);
            }
            markReady(publish, readyAt);
        }
    }

    private void pullFailed(Publish publish, String reason) {
        synchronized (publish) {
            if (publish.pendingFailReason == null) {
                publish.pendingFailReason = reason;
            }
            markReady(publish, downloadFinishedAt(publish));
        }
    }

    private void markReady(Publish publish, Instant at) {
        if (publish.mediaReadyAt == null && publish.status.processing()) {
            publish.mediaReadyAt = at;
            schedule(publish, Instant.MIN);
        }
    }

    private Instant downloadFinishedAt(Publish publish) {
        Instant earliest = publish.createdAt.plus(clock.scaled(settings.downloadDelay()));
        Instant now = clock.now();
        return now.isAfter(earliest) ? now : earliest;
    }

    private static void setDownloaded(Publish publish, long bytes) {
        synchronized (publish) {
            publish.downloadedBytes = bytes;
        }
    }

    public void advanceAll() {
        Instant now = clock.now();
        Due due;
        while ((due = timed.peek()) != null && !due.at().isAfter(now)) {
            if (timed.remove(due)) {
                advance(due.publish());
                schedule(due.publish(), now);
            }
        }
    }

    /**
     * Puts the publish on the schedule at its next timed change, if it has one later than {@code after}: a publish
     * waiting for its chunks or its download has none, and a settled one has none left.
     */
    private void schedule(Publish publish, Instant after) {
        Instant next;
        synchronized (publish) {
            next = nextChangeAt(publish);
        }
        if (next != null && next.isAfter(after)) {
            timed.add(new Due(next, sequence.incrementAndGet(), publish));
        }
    }

    /** When {@link #advance} next has something to do for the publish by time alone; null when nothing. */
    private Instant nextChangeAt(Publish publish) {
        if (publish.status == PublishStatus.PROCESSING_DOWNLOAD && publish.mediaReadyAt == null) {
            return publish.createdAt.plus(clock.scaled(PULL_TIMEOUT));
        }
        if (publish.status.processing() && !publish.neverFinish && publish.mediaReadyAt != null) {
            return publish.mediaReadyAt.plus(clock.scaled(settings.processingDelay()));
        }
        if (publish.status == PublishStatus.SEND_TO_USER_INBOX && publish.inboxPostAt != null) {
            return publish.inboxPostAt;
        }
        if (publish.status == PublishStatus.PUBLISH_COMPLETE && publish.publicPost && publish.publicPostIds.isEmpty()
                && publish.moderationDueAt != null) {
            return publish.moderationDueAt;
        }
        return null;
    }

    /** Brings the creator's publishes up to date, so caps count what is true now, not at the last tick. */
    void advanceCreator(String creatorOpenId) {
        for (Publish publish : store.ofCreator(creatorOpenId)) {
            advance(publish);
        }
    }

    /** Moves the publish through every transition that is due by now. */
    public void advance(Publish publish) {
        Instant now = clock.now();
        synchronized (publish) {
            if (publish.status == PublishStatus.PROCESSING_DOWNLOAD && publish.mediaReadyAt == null
                    && !now.isBefore(publish.createdAt.plus(clock.scaled(PULL_TIMEOUT)))) {
                publish.pendingFailReason = publish.kind.photo() ? "photo_pull_failed" : "video_pull_failed";
                publish.mediaReadyAt = now;
            }
            if (publish.status.processing() && !publish.neverFinish && publish.mediaReadyAt != null) {
                Instant done = publish.mediaReadyAt.plus(clock.scaled(settings.processingDelay()));
                if (!now.isBefore(done)) {
                    finishProcessing(publish, done);
                }
            }
            if (publish.status == PublishStatus.SEND_TO_USER_INBOX && publish.inboxPostAt != null
                    && !now.isBefore(publish.inboxPostAt)) {
                publish.status = PublishStatus.PUBLISH_COMPLETE;
                publish.publicPost = !publish.creator.privateAccount();
                if (publish.publicPost) {
                    publish.moderationDueAt = publish.inboxPostAt.plus(clock.scaled(settings.moderationDelay()));
                }
                event(publish, "post.publish.complete", Map.of());
            }
            if (publish.status == PublishStatus.PUBLISH_COMPLETE && publish.publicPost
                    && publish.publicPostIds.isEmpty() && publish.moderationDueAt != null
                    && !now.isBefore(publish.moderationDueAt)) {
                becomePublic(publish);
            }
        }
    }

    private void finishProcessing(Publish publish, Instant done) {
        if (publish.pendingFailReason != null) {
            fail(publish, publish.pendingFailReason);
        } else if (publish.kind.direct()) {
            publish.status = PublishStatus.PUBLISH_COMPLETE;
            if (settings.completeWebhookForDirectPost()) {
                event(publish, "post.publish.complete", Map.of());
            }
            if (publish.publicPost) {
                publish.moderationDueAt = done.plus(clock.scaled(settings.moderationDelay()));
            }
        } else {
            publish.status = PublishStatus.SEND_TO_USER_INBOX;
            event(publish, "post.publish.inbox_delivered", Map.of());
            if (settings.inboxPostDelay() != null) {
                publish.inboxPostAt = done.plus(clock.scaled(settings.inboxPostDelay()));
            }
        }
    }

    private void becomePublic(Publish publish) {
        long postId = ids.nineteenDigits();
        publish.publicPostIds.add(postId);
        publicVideos.add(new PublicVideo(postId, publish.creator.openId(), publish.creator.username(),
                publish.moderationDueAt, publish.caption, publish.durationSec, publish.width, publish.height));
        event(publish, "post.publish.publicly_available", Map.of("post_id", Long.toString(postId)));
    }

    private void fail(Publish publish, String reason) {
        publish.status = PublishStatus.FAILED;
        publish.failReason = reason;
        event(publish, "post.publish.failed", Map.of("reason", reason));
    }

    /** Best-effort cancel of a PULL_FROM_URL download that has not finished; false when not cancellable. */
    boolean cancel(Publish publish) {
        Instant now = clock.now();
        synchronized (publish) {
            boolean downloading = publish.status == PublishStatus.PROCESSING_DOWNLOAD
                    && (publish.mediaReadyAt == null || now.isBefore(publish.mediaReadyAt));
            if (!downloading) {
                return false;
            }
            fail(publish, "publish_cancelled");
            return true;
        }
    }

    /** The creator's authorization ended: every unfinished publish of theirs FAILs with {@code auth_removed}. */
    public void authorizationRemoved(String creatorOpenId) {
        for (Publish publish : store.ofCreator(creatorOpenId)) {
            synchronized (publish) {
                if (publish.status.processing()) {
                    fail(publish, "auth_removed");
                }
            }
        }
    }

    private void event(Publish publish, String name, Map<String, Object> extra) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("publish_id", publish.publishId);
        content.put("publish_type", publish.kind.webhookPublishType());
        content.putAll(extra);
        webhooks.send(name, publish.creator.openId(), content);
    }

    /** A publish's next timed change; stale once a status read has advanced it (advancing again changes nothing). */
    private record Due(Instant at, long sequence, Publish publish) implements Comparable<Due> {

        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

}
