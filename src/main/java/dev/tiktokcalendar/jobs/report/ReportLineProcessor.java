package dev.tiktokcalendar.jobs.report;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Classifies a post of the day: its bucket, local schedule, lateness, public URL and action. Never filters. */
public class ReportLineProcessor implements ItemProcessor<ReportPost, ReportLine> {

    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    @Override
    public ReportLine process(ReportPost post) {
        ReportBucket bucket = ReportBucket.of(post.state());
        Instant wentOut = post.completedAt() != null ? post.completedAt() : post.initSentAt();
        Long lateness = bucket.isPublished() && wentOut != null
                ? Duration.between(post.publishAt(), wentOut).toSeconds() : null;
        String action = bucket.isProblem() ? FailureActions.forPost(bucket, post.failCode(), post.userAction(),
                post.accountStatus()) : null;
        return new ReportLine(post, bucket, post.publishAt().atZone(zone(post.accountZone())),
                bucket.isPublished() || bucket == ReportBucket.IN_INBOX ? wentOut : null, lateness, publicUrl(post), action);
    }

    /** The stored URL, else {@code https://www.tiktok.com/@{username}/video/{id}} when both parts are known. */
    static String publicUrl(ReportPost post) {
        if (post.tiktokUrl() != null && !post.tiktokUrl().isBlank()) {
            return post.tiktokUrl();
        }
        if (post.tiktokPostId() == null || post.tiktokPostId().isBlank() || post.username() == null
                || post.username().isBlank()) {
            return null;
        }
        return "https://www.tiktok.com/@" + post.username() + "/video/" + post.tiktokPostId();
    }

    private ZoneId zone(String id) {
        return id == null ? ZoneOffset.UTC : zones.computeIfAbsent(id, ReportLineProcessor::parseZone);
    }

    private static ZoneId parseZone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
