package dev.tiktokcalendar.jobs.report;

import java.util.List;
import java.util.Map;

/**
 * The JSON summary of one workspace's day ({@code summary.json}); the HTML report is rendered from it plus the
 * per-post rows. Everything is ordered deterministically, and nothing depends on when the report was made.
 */
public record ReportSummary(String date, String zone, String from, String to, String workspace, String workspaceName,
                            int posts, Map<String, Integer> counts, Lateness lateness, int publishedPosts,
                            long statusCalls, Double statusCallsPerPublishedPost, List<HourCounts> postsByHour,
                            List<AccountSummary> accounts, List<AccountAttention> accountsNeedingAttention,
                            List<CodeAction> actionsByCode, CrossCheck crossCheck, Files files) {

    /** Seconds between the scheduled time and the time the post went out. */
    public record Lateness(int posts, Long p50Seconds, Long p95Seconds, Long maxSeconds) {
    }

    /** Posts scheduled in one local hour of the day, by bucket. */
    public record HourCounts(int hour, Map<String, Integer> counts) {
    }

    public record AccountSummary(long id, String username, String zone, String status, int posts,
                                 Map<String, Integer> counts, Lateness lateness, long statusCalls,
                                 Double statusCallsPerPublishedPost, String crossCheck) {
    }

    public record AccountAttention(long id, String username, String status, String reason, String refreshTokenExpiresAt,
                                   String action) {
    }

    public record CodeAction(String code, int posts, String action) {
    }

    public record CrossCheck(int accountsChecked, int accountsNotChecked, List<Finding> findings) {
    }

    /**
     * @param kind {@code MISSING_ON_TIKTOK}, {@code UNKNOWN_TO_CALENDAR} or {@code CHECK_FAILED}
     */
    public record Finding(String kind, String username, Long postId, String tiktokId, String createTime, String title,
                          String url, String action) {
    }

    /** The report's files, by name in the day's workspace folder. */
    public record Files(String html, String csv, String json) {
    }
}
