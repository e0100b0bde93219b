package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.Video;
import dev.tiktokcalendar.tiktok.api.VideoPage;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's cross-check over the TikTok client's {@code video/list} (tiktok-api.md §10.1): pages newest first
 * from the end of the window (the cursor lists videos created before it) until a video older than the window, or
 * the end of the list. A failed call, or a window with more than {@value #MAX_PAGES} pages, throws: a partial list
 * would report videos as missing that are not.
 */
@Component
public class TikTokPublishedVideoSource implements PublishedVideoSource {

    static final int MAX_PAGES = 50;
    static final List<String> FIELDS = List.of("id", "create_time", "title", "video_description", "share_url");

    private final TikTokClient client;

    public TikTokPublishedVideoSource(TikTokClient client) {
        this.client = client;
    }

    @Override
    public List<PublishedVideo> publicVideos(CrossCheckAccount account, Instant from, Instant to) {
        List<PublishedVideo> videos = new ArrayList<>();
        long cursor = to.toEpochMilli();
        for (int page = 0; page < MAX_PAGES; page++) {
            TikTokResult<VideoPage> result = client.listVideos(account.accountId(), cursor, 20, FIELDS);
            if (!result.isOk()) {
                throw new IllegalStateException(result.error().summary());
            }
            VideoPage videoPage = result.orElseThrow();
            boolean reachedOlder = false;
            for (Video video : videoPage.videos()) {
                if (video.createTime() == null) {
                    continue;
                }
                Instant created = Instant.ofEpochSecond(video.createTime());
                if (created.isBefore(from)) {
                    reachedOlder = true;
                } else if (created.isBefore(to)) {
                    videos.add(new PublishedVideo(video.id(), created,
                            video.title() != null ? video.title() : video.videoDescription(), video.shareUrl()));
                }
            }
            // a page may be short even when more follow (trust and safety filtering): only has_more ends the list
            if (reachedOlder || !videoPage.hasMore() || videoPage.cursor() <= 0 || videoPage.cursor() >= cursor) {
                return videos;
            }
            cursor = videoPage.cursor();
        }
        throw new IllegalStateException("more than " + MAX_PAGES * 20 + " public videos in the window: not checked");
    }
}
