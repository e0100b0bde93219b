package dev.tiktokcalendar.jobs.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One workspace's report while the day's posts stream through: per-post rows go straight to files (the CSV and
 * the HTML table bodies of published and problem posts), only counters and lateness values stay in memory.
 */
final class WorkspaceDraft implements AutoCloseable {

    static final String[] CSV_HEADER = {"post_id", "account", "external_key", "post_type", "post_mode", "state",
            "bucket", "scheduled_local", "account_zone", "scheduled_utc", "went_out_utc", "lateness_s",
            "status_calls", "tiktok_post_id", "tiktok_url", "fail_code", "fail_message", "log_id", "action", "caption"};
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final long workspaceId;
    final String slug;
    final Path directory;
    final Map<Long, AccountTally> accounts = new HashMap<>();
    final int[][] byHour = new int[24][ReportBucket.values().length];
    final Map<String, CodeTally> codes = new TreeMap<>();
    final List<PublishedRef> calendarPublished = new ArrayList<>();
    private final ZoneId reportZone;
    private CSVPrinter csv;
    private Writer publishedRows;
    private Writer problemRows;
    private int posts;

    WorkspaceDraft(long workspaceId, String slug, Path directory, ZoneId reportZone) {
        this.workspaceId = workspaceId;
        this.slug = slug;
        this.directory = directory;
        this.reportZone = reportZone;
        try {
            Files.createDirectories(directory);
            csv = new CSVPrinter(writer(csvPart()), CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
            publishedRows = writer(publishedPart());
            problemRows = writer(problemsPart());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report files in " + directory, e);
        }
    }

    Path csvPart() {
        return directory.resolve("posts.csv.part");
    }

    Path publishedPart() {
        return directory.resolve("published.html.part");
    }

    Path problemsPart() {
        return directory.resolve("problems.html.part");
    }

    int posts() {
        return posts;
    }

    void add(ReportLine line) throws IOException {
        ReportPost post = line.post();
        posts++;
        AccountTally tally = accounts.computeIfAbsent(post.accountId(), id -> new AccountTally());
        tally.counts[line.bucket().ordinal()]++;
        byHour[post.publishAt().atZone(reportZone).getHour()][line.bucket().ordinal()]++;
        if (line.bucket().isPublished()) {
            tally.published++;
            tally.statusCalls += post.statusCalls();
            if (line.latenessSeconds() != null) {
                tally.lateness.add(line.latenessSeconds());
            }
            publishedRows.write(publishedRow(line));
        }
        if (line.bucket() == ReportBucket.PUBLISHED && post.tiktokPostId() != null && !post.tiktokPostId().isBlank()) {
            calendarPublished.add(new PublishedRef(post.accountId(), post.id(), post.tiktokPostId(), line.url(),
                    line.wentOutAt()));
        }
        if (line.bucket().isProblem()) {
            String code = post.failCode() == null || post.failCode().isBlank() ? "(no code: " + line.bucket().label() + ")"
                    : post.failCode();
            codes.computeIfAbsent(code, c -> new CodeTally(line.action())).posts++;
            problemRows.write(problemRow(line));
        }
        csv.printRecord(post.id(), SpreadsheetSafe.cell(post.username()), SpreadsheetSafe.cell(post.externalKey()),
                post.postType(), post.postMode(), post.state(), line.bucket(), LOCAL.format(line.scheduledLocal()),
                line.scheduledLocal().getZone().getId(), post.publishAt(), line.wentOutAt() == null ? "" : line.wentOutAt(),
                line.latenessSeconds() == null ? "" : line.latenessSeconds(), post.statusCalls(),
                SpreadsheetSafe.cell(post.tiktokPostId()), SpreadsheetSafe.cell(line.url()),
                SpreadsheetSafe.cell(post.failCode()), SpreadsheetSafe.cell(post.failMessage()),
                SpreadsheetSafe.cell(post.failLogId()), SpreadsheetSafe.cell(line.action()),
                SpreadsheetSafe.cell(post.caption()));
    }

    private static String publishedRow(ReportLine line) {
        ReportPost post = line.post();
        return "<tr><td>" + post.id() + "</td><td>@" + Html.escape(post.username()) + "</td><td>"
                + Html.escape(LOCAL.format(line.scheduledLocal())) + " " + Html.escape(line.scheduledLocal().getZone().getId())
                + "</td><td>" + Html.escape(line.wentOutAt()) + "</td><td class=\"num\">"
                + Html.escape(line.latenessSeconds()) + "</td><td>" + Html.escape(line.bucket().label()) + "</td><td>"
                + Html.link(line.url()) + "</td></tr>\n";
    }

    private static String problemRow(ReportLine line) {
        ReportPost post = line.post();
        return "<tr><td>" + post.id() + "</td><td>@" + Html.escape(post.username()) + "</td><td>"
                + Html.escape(LOCAL.format(line.scheduledLocal())) + " " + Html.escape(line.scheduledLocal().getZone().getId())
                + "</td><td>" + Html.escape(post.state()) + "</td><td><code>" + Html.escape(post.failCode())
                + "</code></td><td>" + Html.escape(post.failMessage() != null ? post.failMessage() : post.stateReason())
                + "</td><td><code>" + Html.escape(post.failLogId()) + "</code></td><td>" + Html.escape(line.action())
                + "</td></tr>\n";
    }

    /** Flushes and closes the streamed files; the counters stay for rendering. */
    @Override
    public void close() throws IOException {
        try (CSVPrinter c = csv; Writer p = publishedRows; Writer q = problemRows) {
            csv = null;
            publishedRows = null;
            problemRows = null;
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 64 * 1024);
    }

    static final class AccountTally {
        final int[] counts = new int[ReportBucket.values().length];
        final LongList lateness = new LongList();
        int published;
        long statusCalls;
    }

    static final class CodeTally {
        final String action;
        int posts;

        CodeTally(String action) {
            this.action = action;
        }
    }

    /** A post the calendar believes is public on TikTok, for the cross-check. */
    record PublishedRef(long accountId, long postId, String tiktokPostId, String url, java.time.Instant wentOutAt) {
    }
}
