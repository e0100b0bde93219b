package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.tiktok.SimMedia;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.PublishStatus;
import dev.tiktokcalendar.tiktok.api.PublishTicket;
import dev.tiktokcalendar.tiktok.api.VideoPostInfo;
import dev.tiktokcalendar.tiktok.api.VideoSource;
import dev.tiktokcalendar.tiktok.upload.ChunkPlan;
import dev.tiktokcalendar.tiktok.upload.ChunkPlanner;
import dev.tiktokcalendar.tiktok.upload.FileMediaSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Publishes public videos on the simulator through the real client, for the cross-check tests. */
final class SimPublishing {

    private SimPublishing() {
    }

    /** A public Direct Post of a valid MP4; returns its public post id once moderation gave one. */
    static String publishPublicly(TikTokClient client, long account, Path file, String caption) throws Exception {
        Path video = Files.write(file, SimMedia.validMp4());
        ChunkPlan plan = new ChunkPlanner(10_000_000L).plan(Files.size(video));
        PublishTicket ticket = client.initDirectVideo(account, new DirectVideoInit(
                new VideoPostInfo(caption, "PUBLIC_TO_EVERYONE", false, false, false, 1000, false, false, false),
                VideoSource.fileUpload(plan))).orElseThrow();
        client.upload(ticket, plan, new FileMediaSource(video), "video/mp4").orElseThrow();
        PublishStatus[] last = new PublishStatus[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = client.fetchStatus(account, ticket.publishId()).orElseThrow();
            return !last[0].publicPostIds().isEmpty() || last[0].state() == PublishStatus.State.FAILED;
        });
        assertThat(last[0].publicPostIds()).hasSize(1);
        return last[0].publicPostIds().get(0);
    }
}
