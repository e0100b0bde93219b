package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.jobs.report.ReportSummary.AccountAttention;
import dev.tiktokcalendar.jobs.report.ReportSummary.AccountSummary;
import dev.tiktokcalendar.jobs.report.ReportSummary.CodeAction;
import dev.tiktokcalendar.jobs.report.ReportSummary.Finding;
import dev.tiktokcalendar.jobs.report.ReportSummary.HourCounts;
import dev.tiktokcalendar.jobs.report.ReportSummary.Lateness;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a workspace's day as one self-contained HTML page: inline CSS, an inline SVG chart of the posts by
 * hour and bucket, no scripts and no external assets. Every value is escaped with {@link Html}. The per-post
 * table bodies, rendered while streaming, are copied in from their files.
 */
final class HtmlReportRenderer {

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
            th{background:#f3f3f3}.num{text-align:right}.empty{color:#777}
            """;
    static final int CHART_WIDTH = 760;
    static final int CHART_HEIGHT = 260;

    void render(ReportSummary s, Path publishedRows, Path problemRows, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        out.write(Html.escape("Reconciliation report " + s.date() + " " + s.workspace()));
        out.write("</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<h1>Reconciliation report: " + Html.escape(s.workspaceName()) + " (" + Html.escape(s.workspace())
                + "), " + Html.escape(s.date()) + "</h1>\n");
        out.write("<p>Posts scheduled from " + Html.escape(s.from()) + " to " + Html.escape(s.to()) + " (local day in "
                + Html.escape(s.zone()) + "). Beside this file: " + Html.escape(s.files().csv()) + " (every post) and "
                + Html.escape(s.files().json()) + " (this summary).</p>\n");
        summary(s, out);
        chart(s, out);
        accounts(s, out);
        attention(s, out);
        actions(s, out);
        crossCheck(s, out);
        out.write("<section id=\"published\">\n<h2>Published posts</h2>\n<table>\n<thead><tr><th>post</th><th>account</th>"
                + "<th>scheduled (account zone)</th><th>went out (UTC)</th><th>lateness (s)</th><th>state</th>"
                + "<th>TikTok URL</th></tr></thead>\n<tbody>\n");
        copy(publishedRows, out);
        out.write("</tbody>\n</table>\n</section>\n");
        out.write("<section id=\"problems\">\n<h2>Failed, held and stuck posts</h2>\n<table>\n<thead><tr><th>post</th>"
                + "<th>account</th><th>scheduled (account zone)</th><th>state</th><th>code</th><th>message</th>"
                + "<th>log_id</th><th>action</th></tr></thead>\n<tbody>\n");
        copy(problemRows, out);
        out.write("</tbody>\n</table>\n</section>\n</body>\n</html>\n");
    }

    private static void summary(ReportSummary s, Writer out) throws IOException {
        out.write("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>state</th><th>posts</th></tr></thead>\n<tbody>\n");
        for (ReportBucket bucket : ReportBucket.values()) {
            out.write("<tr><td>" + Html.escape(bucket.label()) + "</td><td class=\"num\">" + s.counts().get(bucket.name())
                    + "</td></tr>\n");
        }
        out.write("<tr><th>all posts</th><th class=\"num\">" + s.posts() + "</th></tr>\n</tbody>\n</table>\n");
        out.write("<p>Lateness of published posts: " + lateness(s.lateness()) + ". Status calls per published post: "
                + (s.statusCallsPerPublishedPost() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f",
                s.statusCallsPerPublishedPost())) + " (" + s.statusCalls() + " calls, " + s.publishedPosts()
                + " posts).</p>\n</section>\n");
    }

    static String lateness(Lateness l) {
        if (l.posts() == 0) {
            return "n/a";
        }
        return "p50 " + l.p50Seconds() + " s, p95 " + l.p95Seconds() + " s, max " + l.maxSeconds() + " s";
    }

    /** Stacked bars: one per local hour, one segment per bucket, with a legend. */
    static void chart(ReportSummary s, Writer out) throws IOException {
        int max = 1;
        for (HourCounts hour : s.postsByHour()) {
            max = Math.max(max, hour.counts().values().stream().mapToInt(Integer::intValue).sum());
        }
        int left = 40;
        int top = 10;
        int plotHeight = 180;
        int barWidth = 26;
        out.write("<section id=\"chart\">\n<h2>Posts by hour and state</h2>\n");
        out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + CHART_WIDTH + "\" height=\"" + CHART_HEIGHT
                + "\" viewBox=\"0 0 " + CHART_WIDTH + " " + CHART_HEIGHT + "\" role=\"img\" aria-label=\"Posts by hour and state\">\n");
        out.write("<line x1=\"" + left + "\" y1=\"" + (top + plotHeight) + "\" x2=\"" + (left + 24 * 29) + "\" y2=\""
                + (top + plotHeight) + "\" stroke=\"#555\"></line>\n");
        out.write("<text x=\"0\" y=\"" + (top + 10) + "\" font-size=\"10\">" + max + "</text>\n");
        for (HourCounts hour : s.postsByHour()) {
            int x = left + hour.hour() * 29;
            double y = top + plotHeight;
            for (ReportBucket bucket : ReportBucket.values()) {
                int count = hour.counts().get(bucket.name());
                if (count == 0) {
                    continue;
                }
                double height = (double) count * plotHeight / max;
                y -= height;
                out.write(String.format(java.util.Locale.ROOT,
                        "<rect class=\"bar\" x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\"><title>%02d:00 %s: %d</title></rect>%n",
                        x, y, barWidth, height, bucket.color(), hour.hour(), Html.escape(bucket.label()), count));
            }
            out.write("<text x=\"" + (x + 4) + "\" y=\"" + (top + plotHeight + 14) + "\" font-size=\"10\">"
                    + String.format("%02d", hour.hour()) + "</text>\n");
        }
        int legendX = left;
        for (ReportBucket bucket : ReportBucket.values()) {
            out.write("<rect x=\"" + legendX + "\" y=\"" + (CHART_HEIGHT - 40) + "\" width=\"10\" height=\"10\" fill=\""
                    + bucket.color() + "\"></rect><text x=\"" + (legendX + 13) + "\" y=\"" + (CHART_HEIGHT - 31)
                    + "\" font-size=\"10\">" + Html.escape(bucket.label()) + "</text>\n");
            legendX += 13 + 6 * bucket.label().length() + 10;
        }
        out.write("</svg>\n</section>\n");
    }

    private static void accounts(ReportSummary s, Writer out) throws IOException {
        out.write("<section id=\"accounts\">\n<h2>Accounts</h2>\n<table>\n<thead><tr><th>account</th><th>status</th>");
        for (ReportBucket bucket : ReportBucket.values()) {
            out.write("<th>" + Html.escape(bucket.label()) + "</th>");
        }
        out.write("<th>lateness</th><th>status calls / published</th><th>cross-check</th></tr></thead>\n<tbody>\n");
        for (AccountSummary a : s.accounts()) {
            out.write("<tr><td>@" + Html.escape(a.username()) + "</td><td>" + Html.escape(a.status()) + "</td>");
            for (ReportBucket bucket : ReportBucket.values()) {
                out.write("<td class=\"num\">" + a.counts().get(bucket.name()) + "</td>");
            }
            out.write("<td>" + lateness(a.lateness()) + "</td><td class=\"num\">"
                    + (a.statusCallsPerPublishedPost() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f",
                    a.statusCallsPerPublishedPost())) + "</td><td>" + Html.escape(a.crossCheck()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</section>\n");
    }

    private static void attention(ReportSummary s, Writer out) throws IOException {
        out.write("<section id=\"attention\">\n<h2>Accounts needing re-authorisation or attention</h2>\n");
        if (s.accountsNeedingAttention().isEmpty()) {
            out.write("<p class=\"empty\">None.</p>\n</section>\n");
            return;
        }
        out.write("<table>\n<thead><tr><th>account</th><th>status</th><th>reason</th><th>refresh token expires</th>"
                + "<th>action</th></tr></thead>\n<tbody>\n");
        for (AccountAttention a : s.accountsNeedingAttention()) {
            out.write("<tr><td>@" + Html.escape(a.username()) + "</td><td>" + Html.escape(a.status()) + "</td><td>"
                    + Html.escape(a.reason()) + "</td><td>" + Html.escape(a.refreshTokenExpiresAt()) + "</td><td>"
                    + Html.escape(a.action()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</section>\n");
    }

    private static void actions(ReportSummary s, Writer out) throws IOException {
        out.write("<section id=\"actions\">\n<h2>Actions by failure code</h2>\n");
        if (s.actionsByCode().isEmpty()) {
            out.write("<p class=\"empty\">No failed, held or stuck posts.</p>\n</section>\n");
            return;
        }
        out.write("<table>\n<thead><tr><th>code</th><th>posts</th><th>action</th></tr></thead>\n<tbody>\n");
        for (CodeAction c : s.actionsByCode()) {
            out.write("<tr><td><code>" + Html.escape(c.code()) + "</code></td><td class=\"num\">" + c.posts() + "</td><td>"
                    + Html.escape(c.action()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</section>\n");
    }

    private static void crossCheck(ReportSummary s, Writer out) throws IOException {
        out.write("<section id=\"cross-check\">\n<h2>Cross-check with TikTok</h2>\n<p>" + s.crossCheck().accountsChecked()
                + " accounts checked, " + s.crossCheck().accountsNotChecked() + " not checked (see the accounts table).</p>\n");
        if (s.crossCheck().findings().isEmpty()) {
            out.write("<p class=\"empty\">No disagreement found.</p>\n</section>\n");
            return;
        }
        out.write("<table>\n<thead><tr><th>finding</th><th>account</th><th>post</th><th>TikTok id</th><th>created</th>"
                + "<th>title</th><th>URL</th><th>action</th></tr></thead>\n<tbody>\n");
        for (Finding f : s.crossCheck().findings()) {
            out.write("<tr><td>" + Html.escape(f.kind()) + "</td><td>@" + Html.escape(f.username()) + "</td><td>"
                    + Html.escape(f.postId()) + "</td><td>" + Html.escape(f.tiktokId()) + "</td><td>"
                    + Html.escape(f.createTime()) + "</td><td>" + Html.escape(f.title()) + "</td><td>" + Html.link(f.url())
                    + "</td><td>" + Html.escape(f.action()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</section>\n");
    }

    private static void copy(Path rows, Writer out) throws IOException {
        try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
    }
}
