package dev.tiktokcalendar.web;

import dev.tiktokcalendar.web.security.Role;
import dev.tiktokcalendar.web.security.WorkspaceAccess;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tiktokcalendar.jobs.report.Html;
import dev.tiktokcalendar.jobs.report.ReportRepository;
import dev.tiktokcalendar.jobs.report.ReportRepository.Content;
import dev.tiktokcalendar.jobs.report.ReportRepository.StoredReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.zip.GZIPInputStream;

/**
 * The console's reconciliation reports, served from the {@code reconciliation_report} table: {@code GET /reports}
 * lists them, {@code GET /reports/{date}/{workspace}} shows one (its self-contained HTML), with {@code .csv} and
 * {@code .json} beside it.
 */
@RestController
public class ReportController {

    static final int LIST_LIMIT = 500;

    private final ReportRepository reports;
    private final WorkspaceAccess access;

    public ReportController(ReportRepository reports, WorkspaceAccess access) {
        this.reports = reports;
        this.access = access;
    }

    /** The reports of the workspaces the user holds a role in. */
    @GetMapping(value = "/reports", produces = MediaType.TEXT_HTML_VALUE)
    public String list(Principal user) {
        Set<String> visible = access.memberships(user.getName()).stream()
                .map(membership -> membership.workspace().slug()).collect(Collectors.toSet());
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Reconciliation reports</title></head>
                <body>
                <h1>Reconciliation reports</h1>
                <table>
                <thead><tr><th>day</th><th>workspace</th><th>posts</th><th>published</th><th>to look at</th><th>cross-check findings</th><th>files</th></tr></thead>
                <tbody>
                """);
        for (StoredReport report : reports.list(LIST_LIMIT)) {
            if (!visible.contains(report.workspaceSlug())) {
                continue;
            }
            String base = "/reports/" + report.date() + "/" + URLEncoder.encode(report.workspaceSlug(), StandardCharsets.UTF_8);
            html.append("<tr><td>").append(report.date()).append("</td><td><a href=\"").append(Html.escape(base)).append("\">")
                    .append(Html.escape(report.workspaceSlug())).append("</a></td><td>").append(report.posts())
                    .append("</td><td>").append(report.published()).append("</td><td>").append(report.problems())
                    .append("</td><td>").append(report.findings()).append("</td><td><a href=\"").append(Html.escape(base))
                    .append(".csv\">CSV</a> <a href=\"").append(Html.escape(base)).append(".json\">JSON</a></td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    @GetMapping("/reports/{date}/{workspace:.+}")
    public ResponseEntity<String> show(Principal user, @PathVariable String date, @PathVariable String workspace) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return ResponseEntity.notFound().build();
        }
        access.require(user, strip(strip(workspace, ".json"), ".csv"), Role.VIEWER);
        if (workspace.endsWith(".json")) {
            return reports.find(day, strip(workspace, ".json"))
                    .map(r -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r.summaryJson()))
                    .orElse(ResponseEntity.notFound().build());
        }
        boolean csv = workspace.endsWith(".csv");
        String slug = csv ? strip(workspace, ".csv") : workspace;
        return reports.content(day, slug, csv ? Content.CSV : Content.HTML)
                .map(bytes -> {
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
                    if (csv) {
                        ok.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).header(HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"" + day + "-" + slug.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
                    } else {
                        ok.contentType(new MediaType("text", "html", StandardCharsets.UTF_8));
                    }
                    return ok.body(gunzip(bytes));
                })
                .orElse(ResponseEntity.notFound().build());
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
