package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.jobs.report.ReportRepository.Account;
import dev.tiktokcalendar.jobs.report.ReportRepository.StoredReport;
import dev.tiktokcalendar.jobs.report.ReportRepository.Workspace;
import dev.tiktokcalendar.jobs.report.ReportSummary.AccountAttention;
import dev.tiktokcalendar.jobs.report.ReportSummary.AccountSummary;
import dev.tiktokcalendar.jobs.report.ReportSummary.CodeAction;
import dev.tiktokcalendar.jobs.report.ReportSummary.Finding;
import dev.tiktokcalendar.jobs.report.ReportSummary.HourCounts;
import dev.tiktokcalendar.jobs.report.WorkspaceDraft.AccountTally;
import dev.tiktokcalendar.jobs.report.WorkspaceDraft.PublishedRef;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Turns one workspace's draft into its finished report: the summary (with the accounts, the actions and the
 * cross-check), {@code report.html}, {@code posts.csv} and {@code summary.json} in the day's folder, and the
 * {@code reconciliation_report} row. Files are written to a temporary name and moved into place.
 */
public class WorkspaceReportPublisher {

    public static final String HTML = "report.html";
    public static final String CSV = "posts.csv";
    public static final String JSON = "summary.json";

    private static final ObjectMapper JSON_MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ReportRepository repository;
    private final CrossCheck crossCheck;
    private final ReportProperties properties;
    private final Clock clock;
    private final HtmlReportRenderer renderer = new HtmlReportRenderer();

    public WorkspaceReportPublisher(ReportRepository repository, PublishedVideoSource source,
                                    ReportProperties properties, Clock clock) {
        this.repository = repository;
        this.crossCheck = new CrossCheck(source, repository, properties.crossCheckGrace());
        this.properties = properties;
        this.clock = clock;
    }

    /** Publishes the report of {@code workspace}; returns its summary. */
    public ReportSummary publish(ReportRequest request, Workspace workspace, WorkspaceDraft draft, Long jobExecutionId)
            throws IOException {
        ReportSummary summary = summarise(request, workspace, draft);
        Path dir = draft.directory;
        Path html = dir.resolve(HTML + ".part");
        try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            renderer.render(summary, draft.publishedPart(), draft.problemsPart(), out);
        }
        Path json = dir.resolve(JSON + ".part");
        Files.writeString(json, JSON_MAPPER.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        move(html, dir.resolve(HTML));
        move(json, dir.resolve(JSON));
        move(draft.csvPart(), dir.resolve(CSV));
        Files.deleteIfExists(draft.publishedPart());
        Files.deleteIfExists(draft.problemsPart());
        repository.store(new StoredReport(request.date(), workspace.id(), workspace.slug(), request.zone().getId(),
                        summary.posts(), summary.publishedPosts(), problems(summary), summary.crossCheck().findings().size(),
                        JSON_MAPPER.writeValueAsString(summary)),
                gzip(dir.resolve(HTML)), gzip(dir.resolve(CSV)), jobExecutionId, clock.instant());
        return summary;
    }

    ReportSummary summarise(ReportRequest request, Workspace workspace, WorkspaceDraft draft) {
        Instant dayStart = request.dayStart();
        Instant dayEnd = request.dayEnd();
        Map<Long, List<PublishedRef>> publishedByAccount = draft.calendarPublished.stream()
                .collect(Collectors.groupingBy(PublishedRef::accountId));
        List<AccountSummary> accounts = new ArrayList<>();
        List<AccountAttention> attention = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int[] totals = new int[ReportBucket.values().length];
        LongList lateness = new LongList();
        long statusCalls = 0;
        int published = 0;
        int checked = 0;
        List<Account> accountList = repository.accounts(workspace.id());
        Map<Long, String> checks = crossCheck.checkAll(accountList, publishedByAccount, dayStart, dayEnd, findings);
        for (Account account : accountList) {
            AccountTally tally = draft.accounts.getOrDefault(account.id(), new AccountTally());
            for (int i = 0; i < totals.length; i++) {
                totals[i] += tally.counts[i];
            }
            lateness.addAll(tally.lateness);
            statusCalls += tally.statusCalls;
            published += tally.published;
            String check = checks.get(account.id());
            if (check.startsWith("checked")) {
                checked++;
            }
            accounts.add(new AccountSummary(account.id(), account.username(), account.zone(), account.status(),
                    sum(tally.counts), counts(tally.counts), tally.lateness.lateness(), tally.statusCalls,
                    ratio(tally.statusCalls, tally.published), check));
            AccountAttention needs = attention(account, dayEnd);
            if (needs != null) {
                attention.add(needs);
            }
        }
        List<HourCounts> byHour = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            byHour.add(new HourCounts(hour, counts(draft.byHour[hour])));
        }
        List<CodeAction> actions = draft.codes.entrySet().stream()
                .map(e -> new CodeAction(e.getKey(), e.getValue().posts, e.getValue().action)).toList();
        return new ReportSummary(request.date().toString(), request.zone().getId(), dayStart.toString(), dayEnd.toString(),
                workspace.slug(), workspace.name(), sum(totals), counts(totals), lateness.lateness(), published,
                statusCalls, ratio(statusCalls, published), byHour, accounts, attention, actions,
                new ReportSummary.CrossCheck(checked, accounts.size() - checked, CrossCheck.sorted(findings)),
                // names relative to the report's own folder: the files do not depend on where they were written
                new ReportSummary.Files(HTML, CSV, JSON));
    }

    /**
     * Accounts that are not ACTIVE, or whose refresh token expires within the warning period after the day. The
     * access token lives 24 h and is refreshed by itself; the refresh token's expiry forces a re-authorisation.
     */
    AccountAttention attention(Account account, Instant dayEnd) {
        Instant expires = account.refreshTokenExpiresAt();
        boolean expiring = expires != null && expires.isBefore(dayEnd.plus(properties.tokenWarning()));
        String status = account.status() == null ? "ACTIVE" : account.status();
        if ("ACTIVE".equals(status) && !expiring) {
            return null;
        }
        String action = switch (status) {
            case "NEEDS_REAUTH", "DISCONNECTED" -> FailureActions.RECONNECT;
            case "CANNOT_POST" -> "The creator cannot post now (banned or restricted): contact the creator; held posts wait.";
            default -> expires != null && !expires.isAfter(dayEnd)
                    ? "The refresh token has expired: " + FailureActions.RECONNECT
                    : "Ask the creator to reconnect before " + expires + ", when the refresh token expires.";
        };
        return new AccountAttention(account.id(), account.username(), status, account.statusReason(),
                expires == null ? null : expires.toString(), action);
    }

    private static int problems(ReportSummary summary) {
        int problems = 0;
        for (ReportBucket bucket : ReportBucket.values()) {
            if (bucket.isProblem()) {
                problems += summary.counts().get(bucket.name());
            }
        }
        return problems;
    }

    private static Map<String, Integer> counts(int[] counts) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (ReportBucket bucket : ReportBucket.values()) {
            map.put(bucket.name(), counts[bucket.ordinal()]);
        }
        return map;
    }

    private static int sum(int[] counts) {
        int sum = 0;
        for (int count : counts) {
            sum += count;
        }
        return sum;
    }

    private static Double ratio(long calls, int posts) {
        return posts == 0 ? null : Math.round(calls * 100.0 / posts) / 100.0;
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] gzip(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file); OutputStream out = new GZIPOutputStream(bytes, 64 * 1024) {
            {
                // the stored copy is read rarely: favour the nightly run's CPU over a few percent of size
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            in.transferTo(out);
        }
        return bytes.toByteArray();
    }
}
