package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.jobs.report.PublishedVideoSource.CrossCheckAccount;
import dev.tiktokcalendar.jobs.report.PublishedVideoSource.PublishedVideo;
import dev.tiktokcalendar.jobs.report.ReportRepository.Account;
import dev.tiktokcalendar.jobs.report.ReportSummary.Finding;
import dev.tiktokcalendar.jobs.report.WorkspaceDraft.PublishedRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares what the calendar believes is public with what TikTok lists (tiktok-api.md §10), per account with the
 * {@code video.list} scope: posts of the day the calendar published (with a public id) that TikTok does not list
 * in the day (plus a grace period for late posts), and public videos created in the day the calendar does not know.
 */
final class CrossCheck {

    static final String SCOPE = "video.list";
    static final String MISSING_ON_TIKTOK = "MISSING_ON_TIKTOK";
    static final String UNKNOWN_TO_CALENDAR = "UNKNOWN_TO_CALENDAR";
    static final String CHECK_FAILED = "CHECK_FAILED";

    private final PublishedVideoSource source;
    private final ReportRepository repository;
    private final Duration grace;

    /** @param source null when no TikTok client is wired: every account is reported "not configured" */
    CrossCheck(PublishedVideoSource source, ReportRepository repository, Duration grace) {
        this.source = source;
        this.repository = repository;
        this.grace = grace;
    }

    /**
     * Checks every account of a workspace: findings go to {@code findings}; the answer maps each account id to its
     * cross-check status for the report. The ids the day's posts do not explain are then looked up in the whole
     * calendar (an older post, a late one) in one query per group of accounts, not one per account.
     */
    Map<Long, String> checkAll(List<Account> accounts, Map<Long, List<PublishedRef>> calendarPublished,
                               Instant dayStart, Instant dayEnd, List<Finding> findings) {
        Map<Long, String> statuses = new LinkedHashMap<>();
        Map<Long, List<PublishedVideo>> candidates = new LinkedHashMap<>();
        Map<Long, Account> byId = new HashMap<>();
        for (Account account : accounts) {
            byId.put(account.id(), account);
            List<PublishedVideo> unexplained = new ArrayList<>();
            statuses.put(account.id(), check(account, calendarPublished.getOrDefault(account.id(), List.of()),
                    dayStart, dayEnd, findings, unexplained));
            if (!unexplained.isEmpty()) {
                candidates.put(account.id(), unexplained);
            }
        }
        Map<Long, List<String>> ids = new LinkedHashMap<>();
        candidates.forEach((account, videos) -> ids.put(account, videos.stream().map(PublishedVideo::id).toList()));
        Set<String> known = repository.knownTikTokIds(ids);
        candidates.forEach((accountId, videos) -> {
            Account account = byId.get(accountId);
            for (PublishedVideo video : videos) {
                if (!known.contains(ReportRepository.key(accountId, video.id()))) {
                    String url = video.shareUrl() != null ? video.shareUrl() : account.username() == null ? null
                            : "https://www.tiktok.com/@" + account.username() + "/video/" + video.id();
                    findings.add(new Finding(UNKNOWN_TO_CALENDAR, account.username(), null, video.id(),
                            video.createTime().toString(), video.title(), url, "Posted by hand or by another tool: "
                            + "check it is intended; add it to the calendar if it should be tracked."));
                }
            }
        });
        return statuses;
    }

    /** One account: its status; missing posts go to {@code findings}, videos of the day not explained to {@code unexplained}. */
    private String check(Account account, List<PublishedRef> calendarPublished, Instant dayStart, Instant dayEnd,
                         List<Finding> findings, List<PublishedVideo> unexplained) {
        if (!account.hasScope(SCOPE)) {
            return "not checked: no video.list scope";
        }
        if (source == null) {
            return "not checked: no TikTok video source configured";
        }
        Instant to = dayEnd.plus(grace);
        for (PublishedRef ref : calendarPublished) {
            if (ref.wentOutAt() != null && !ref.wentOutAt().isBefore(to)) {
                to = ref.wentOutAt().plus(grace);
            }
        }
        List<PublishedVideo> videos;
        try {
            videos = source.publicVideos(new CrossCheckAccount(account.id(), account.openId(), account.username()),
                    dayStart, to);
        } catch (RuntimeException e) {
            findings.add(new Finding(CHECK_FAILED, account.username(), null, null, null, null, null,
                    "TikTok's video list could not be read (" + e.getMessage() + "): check the account's connection;"
                            + " the next report checks again."));
            return "failed: " + e.getMessage();
        }
        Set<String> listed = videos.stream().map(PublishedVideo::id).collect(Collectors.toSet());
        for (PublishedRef ref : calendarPublished) {
            if (!listed.contains(ref.tiktokPostId())) {
                findings.add(new Finding(MISSING_ON_TIKTOK, account.username(), ref.postId(), ref.tiktokPostId(), null,
                        null, ref.url(), "Open the URL: if the video is gone it was deleted or made private on TikTok;"
                        + " confirm with the creator, then reschedule or cancel the post."));
            }
        }
        Set<String> ofTheCalendarDay = calendarPublished.stream().map(PublishedRef::tiktokPostId).collect(Collectors.toSet());
        videos.stream()
                .filter(v -> !v.createTime().isBefore(dayStart) && v.createTime().isBefore(dayEnd))
                .filter(v -> !ofTheCalendarDay.contains(v.id()))
                .forEach(unexplained::add);
        return "checked: " + videos.size() + " public videos listed";
    }

    static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort(Comparator.comparing(Finding::kind)
                .thenComparing(f -> f.username() == null ? "" : f.username())
                .thenComparing(f -> f.postId() == null ? 0L : f.postId())
                .thenComparing(f -> f.tiktokId() == null ? "" : f.tiktokId()));
        return copy;
    }
}
