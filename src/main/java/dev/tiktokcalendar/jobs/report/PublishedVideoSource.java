package dev.tiktokcalendar.jobs.report;

import java.time.Instant;
import java.util.List;

/**
 * The public videos TikTok lists for an account ({@code POST /v2/video/list/}, scope {@code video.list},
 * tiktok-api.md §10), used by the report's cross-check. Implemented over the TikTok API client; when no bean
 * of this type exists the cross-check is reported as not configured.
 */
public interface PublishedVideoSource {

    /**
     * The account's public videos created in {@code [from, to)}, in any order.
     *
     * @throws RuntimeException when TikTok cannot be asked (the report records the failure and goes on)
     */
    List<PublishedVideo> publicVideos(CrossCheckAccount account, Instant from, Instant to);

    /** The account to list; {@code accountId} is {@code tiktok_account.id}. */
    record CrossCheckAccount(long accountId, String openId, String username) {
    }

    /** A video of the list: id as TikTok's string, {@code create_time}, title and share URL (may be null). */
    record PublishedVideo(String id, Instant createTime, String title, String shareUrl) {
    }
}
