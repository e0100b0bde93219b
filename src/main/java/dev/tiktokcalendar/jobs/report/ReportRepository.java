package dev.tiktokcalendar.jobs.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The report's queries beyond the streamed posts, and the {@code reconciliation_report} table. */
@Repository
public class ReportRepository {

    static final int ACCOUNTS_PER_QUERY = 200;

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The workspaces to report, by slug; one when {@code slug} is given (none if it does not exist). */
    public List<Workspace> workspaces(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM workspace WHERE (:slug IS NULL OR slug = :slug) ORDER BY slug, id")
                .param("slug", slug)
                .query((rs, i) -> new Workspace(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
    }

    /** Every account of a workspace, by username. */
    public List<Account> accounts(long workspaceId) {
        return jdbc.sql("""
                        SELECT id, open_id, username, zone_id, status, status_reason, granted_scopes,
                               refresh_token_expires_at
                        FROM tiktok_account WHERE workspace_id = ? ORDER BY username, id""")
                .param(workspaceId)
                .query((rs, i) -> new Account(rs.getLong("id"), rs.getString("open_id"), rs.getString("username"),
                        rs.getString("zone_id"), rs.getString("status"), rs.getString("status_reason"),
                        rs.getString("granted_scopes"), instant(rs.getObject("refresh_token_expires_at", LocalDateTime.class))))
                .list();
    }

    /**
     * Which of the given TikTok ids (per account id) the calendar knows, whatever the post's day or state, as
     * {@link #key} values; one query per {@value #ACCOUNTS_PER_QUERY} accounts.
     */
    public Set<String> knownTikTokIds(Map<Long, ? extends Collection<String>> idsByAccount) {
        List<Long> accounts = new ArrayList<>(idsByAccount.keySet());
        Set<String> known = new HashSet<>();
        for (int from = 0; from < accounts.size(); from += ACCOUNTS_PER_QUERY) {
            List<Long> group = accounts.subList(from, Math.min(accounts.size(), from + ACCOUNTS_PER_QUERY));
            Set<String> ids = new HashSet<>();
            group.forEach(account -> ids.addAll(idsByAccount.get(account)));
            if (ids.isEmpty()) {
                continue;
            }
            known.addAll(jdbc.sql("SELECT account_id, tiktok_post_id FROM post WHERE account_id IN (:accounts) "
                            + "AND tiktok_post_id IN (:ids)")
                    .param("accounts", group).param("ids", ids)
                    .query((rs, i) -> key(rs.getLong(1), rs.getString(2))).list());
        }
        return known;
    }

    static String key(long accountId, String tiktokId) {
        return accountId + "/" + tiktokId;
    }

    /** Inserts or replaces the report of a day and workspace. */
    public void store(StoredReport report, byte[] htmlGz, byte[] csvGz, Long jobExecutionId, Instant generatedAt) {
        jdbc.sql("""
                        INSERT INTO reconciliation_report (report_date, workspace_id, workspace_slug, zone, posts, published,
                                                           problems, findings, summary_json, html_gz, csv_gz,
                                                           job_execution_id, generated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE workspace_slug = VALUES(workspace_slug), zone = VALUES(zone),
                            posts = VALUES(posts), published = VALUES(published), problems = VALUES(problems),
                            findings = VALUES(findings), summary_json = VALUES(summary_json), html_gz = VALUES(html_gz),
                            csv_gz = VALUES(csv_gz), job_execution_id = VALUES(job_execution_id),
                            generated_at = VALUES(generated_at)""")
                .params(report.date(), report.workspaceId(), report.workspaceSlug(), report.zone(), report.posts(),
                        report.published(), report.problems(), report.findings(), report.summaryJson(), htmlGz, csvGz,
                        jobExecutionId, LocalDateTime.ofInstant(generatedAt, ZoneOffset.UTC))
                .update();
    }

    /** The stored reports, newest day first. */
    public List<StoredReport> list(int limit) {
        return jdbc.sql("""
                        SELECT report_date, workspace_id, workspace_slug, zone, posts, published, problems, findings, ''
                        FROM reconciliation_report ORDER BY report_date DESC, workspace_slug LIMIT ?""")
                .param(limit).query((rs, i) -> storedReport(rs)).list();
    }

    public Optional<StoredReport> find(LocalDate date, String workspaceSlug) {
        return jdbc.sql("""
                        SELECT report_date, workspace_id, workspace_slug, zone, posts, published, problems, findings,
                               summary_json
                        FROM reconciliation_report WHERE report_date = ? AND workspace_slug = ?""")
                .params(date, workspaceSlug).query((rs, i) -> storedReport(rs)).optional();
    }

    /** The gzip-compressed HTML or CSV of a stored report. */
    public Optional<byte[]> content(LocalDate date, String workspaceSlug, Content content) {
        return jdbc.sql("SELECT " + content.column + " FROM reconciliation_report WHERE report_date = ? AND workspace_slug = ?")
                .params(date, workspaceSlug).query(byte[].class).optional();
    }

    private static StoredReport storedReport(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredReport(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    public enum Content {
        HTML("html_gz"), CSV("csv_gz");

        private final String column;

        Content(String column) {
            this.column = column;
        }
    }

    public record Workspace(long id, String slug, String name) {
    }

    public record Account(long id, String openId, String username, String zone, String status, String statusReason,
                          String grantedScopes, Instant refreshTokenExpiresAt) {

        /** Scopes are granted comma-separated ({@code user.info.basic,video.list}); spaces are tolerated. */
        public boolean hasScope(String scope) {
            if (grantedScopes == null) {
                return false;
            }
            for (String granted : grantedScopes.split("[,\\s]+")) {
                if (granted.equals(scope)) {
                    return true;
                }
            }
            return false;
        }
    }

    public record StoredReport(LocalDate date, long workspaceId, String workspaceSlug, String zone, int posts,
                               int published, int problems, int findings, String summaryJson) {
    }
}
