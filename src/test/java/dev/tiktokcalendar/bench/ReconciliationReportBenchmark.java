package dev.tiktokcalendar.bench;

import dev.tiktokcalendar.TiktokCalendarApplication;
import dev.tiktokcalendar.jobs.report.PublishedVideoSource;
import dev.tiktokcalendar.jobs.report.ReportRequest;
import dev.tiktokcalendar.support.TestDatabase;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of {@code reconciliationReportJob} (not a test; surefire does not run it): seeds one day of 100,000
 * posts over 1,000 accounts in 10 workspaces (every state, ~2.5 status calls per published post, every account
 * with the video.list scope and a TikTok list that agrees except one video by hand per account), then runs the
 * report twice and prints the wall time and the peak heap.
 * <pre>
 * export TEST_DB_URL=jdbc:mysql://127.0.0.1:3306/tc_report
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *      dev.tiktokcalendar.bench.ReconciliationReportBenchmark [posts] [accounts]
 * </pre>
 */
public final class ReconciliationReportBenchmark {

    private static final LocalDate DAY = LocalDate.of(2031, 6, 1);
    private static final String[] STATES = {"PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED",
            "PUBLISHED", "PUBLISHED_NO_PUBLIC_ID", "IN_INBOX", "DEFERRED", "HELD", "UNKNOWN", "FAILED", "CANCELLED",
            "SCHEDULED", "PROCESSING"};
    private static final String[] CODES = {"frame_rate_check_failed", "spam_risk_text", "url_ownership_unverified",
            "internal", "spam_risk_too_many_posts"};

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        // -Dbench.url=<kept schema URL> reports an already seeded schema again
        String kept = System.getProperty("bench.url");
        String schema = kept != null ? kept : TestDatabase.newSchema("bench");
        String url = kept != null ? kept : schema + (schema.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        BenchVideoSource source = new BenchVideoSource();
        Path out = Files.createTempDirectory("report-bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TiktokCalendarApplication.class)
                .web(WebApplicationType.NONE)
                // primary over the TikTok client's adapter: the benchmark times the report, not HTTP
                .initializers(ctx -> ((org.springframework.context.support.GenericApplicationContext) ctx).registerBean(
                        "benchVideoSource", PublishedVideoSource.class, () -> source, bd -> bd.setPrimary(true)))
                // arguments, not default properties: config/application.yml's empty URL would win over those
                .run("--spring.quartz.auto-startup=false", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestDatabase.username(),
                        "--spring.datasource.password=" + TestDatabase.password())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long seedStart = System.nanoTime();
            if (kept == null) {
                new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                        .executeWithoutResult(status -> seed(jdbc, posts, accounts));
            }
            System.out.printf("seeded %,d posts, %,d accounts, %,d post_event rows in %.1f s%n", posts, accounts,
                    jdbc.queryForObject("SELECT COUNT(*) FROM post_event", Long.class), (System.nanoTime() - seedStart) / 1e9);
            source.load(jdbc);
            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean("reconciliationReportJob", Job.class);
            for (int run = 1; run <= 2; run++) {
                System.gc();
                HeapPeak peak = HeapPeak.start();
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                JobExecution execution = operator.start(job, new JobParametersBuilder()
                        .addString(ReportRequest.DATE, DAY.toString())
                        .addString(ReportRequest.OUTPUT_DIR, out.toString(), false)
                        .addLong("run", System.currentTimeMillis() * 10 + run).toJobParameters());
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                long peakBytes = peak.stop();
                long read = execution.getStepExecutions().stream().mapToLong(s -> s.getReadCount()).sum();
                long html = Files.walk(out).filter(p -> p.toString().endsWith("report.html")).mapToLong(p -> p.toFile().length()).sum();
                System.out.printf("run %d: %s, %,d posts read, %.2f s wall, %.2f s JVM CPU, load average %.1f, peak heap used %.1f MB (max heap %d MB), HTML total %.1f MB%n",
                        run, execution.getStatus(), read, seconds, cpuSeconds,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), peakBytes / 1048576.0,
                        Runtime.getRuntime().maxMemory() / 1048576, html / 1048576.0);
                execution.getStepExecutions().forEach(step -> System.out.printf("  %s: %d ms%n", step.getStepName(),
                        java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis()));
            }
            if (Boolean.getBoolean("bench.keep")) {
                // keep the seeded schema for a look with the mysql client (skips the test database's cleanup)
                System.out.println("kept schema " + url);
                Runtime.getRuntime().halt(0);
            }
        }
    }

    private static void seed(JdbcTemplate jdbc, int posts, int accounts) {
        Random random = new Random(42);
        int workspaces = Math.max(1, accounts / 100);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (int w = 0; w < workspaces; w++) {
            jdbc.update("INSERT INTO workspace (id, slug, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    w + 1, "ws-" + w, "Workspace " + w, now, now);
        }
        List<Object[]> rows = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            rows.add(new Object[] {a + 1, a % workspaces + 1, "open-" + a, "user" + a, a % 50 == 0 ? "NEEDS_REAUTH" : "ACTIVE",
                    "user.info.basic,video.list", Timestamp.valueOf(DAY.plusDays(a % 30).atStartOfDay()), now, now});
        }
        jdbc.batchUpdate("""
                INSERT INTO tiktok_account (id, workspace_id, open_id, username, zone_id, status, granted_scopes,
                                            refresh_token_expires_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'Europe/Berlin', ?, ?, ?, ?, ?)""", rows);
        rows.clear();
        List<Object[]> events = new ArrayList<>();
        Instant dayStart = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int p = 1; p <= posts; p++) {
            int account = random.nextInt(accounts) + 1;
            String state = STATES[random.nextInt(STATES.length)];
            Instant publishAt = dayStart.plusSeconds(random.nextInt(86_400));
            boolean out = state.startsWith("PUBLISHED") || state.equals("IN_INBOX");
            boolean failed = state.equals("FAILED") || state.equals("DEFERRED");
            rows.add(new Object[] {p, (account - 1) % workspaces + 1, account, "key-" + p, state, ts(publishAt), ts(publishAt),
                    (p % 1000 == 0 ? "=cmd|' /C calc'!A0 " : "Caption ") + p + " #tiktok",
                    state.equals("PUBLISHED") ? Long.toString(7_000_000_000_000_000_000L + p) : null,
                    failed ? CODES[p % CODES.length] : null, failed ? "message " + p : null,
                    failed ? "LOG" + p : null, out ? ts(publishAt.plusSeconds(5 + random.nextInt(900))) : null, now, now});
            if (state.startsWith("PUBLISHED")) {
                for (int c = 0; c < 1 + random.nextInt(4); c++) {
                    events.add(new Object[] {p, account, ts(publishAt)});
                }
            }
            if (rows.size() == 5_000) {
                insertPosts(jdbc, rows, events);
            }
        }
        insertPosts(jdbc, rows, events);
    }

    private static void insertPosts(JdbcTemplate jdbc, List<Object[]> rows, List<Object[]> events) {
        jdbc.batchUpdate("""
                INSERT INTO post (id, workspace_id, account_id, external_key, post_type, state, state_changed_at,
                                  publish_at, publish_zone, next_attempt_at, caption, tiktok_post_id, fail_code,
                                  fail_message, fail_log_id, completed_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'VIDEO', ?, UTC_TIMESTAMP(3), ?, 'Europe/Berlin', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                        r[11], r[12], r[13], r[14]}).toList());
        jdbc.batchUpdate("""
                INSERT INTO post_event (post_id, account_id, kind, occurred_at, endpoint, http_status, tiktok_code)
                VALUES (?, ?, 'API_CALL', ?, '/v2/post/publish/status/fetch/', 200, 'ok')""", events);
        rows.clear();
        events.clear();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * TikTok agrees with the calendar, plus one video posted by hand per account. The lists are loaded before the
     * timed runs: the benchmark measures the report, not the (HTTP) cost of TikTok's list.
     */
    static final class BenchVideoSource implements PublishedVideoSource {
        private final Map<Long, List<PublishedVideo>> byAccount = new HashMap<>();

        void load(JdbcTemplate jdbc) {
            byAccount.clear();
            jdbc.query("SELECT account_id, tiktok_post_id, completed_at FROM post WHERE tiktok_post_id IS NOT NULL",
                    (java.sql.ResultSet rs) -> {
                        byAccount.computeIfAbsent(rs.getLong(1), a -> new ArrayList<>()).add(new PublishedVideo(
                                rs.getString(2), rs.getTimestamp(3).toLocalDateTime().toInstant(ZoneOffset.UTC), "t", null));
                    });
        }

        @Override
        public List<PublishedVideo> publicVideos(CrossCheckAccount account, Instant from, Instant to) {
            List<PublishedVideo> videos = new ArrayList<>();
            for (PublishedVideo video : byAccount.getOrDefault(account.accountId(), List.of())) {
                if (!video.createTime().isBefore(from) && video.createTime().isBefore(to)) {
                    videos.add(video);
                }
            }
            videos.add(new PublishedVideo("9" + account.accountId(), from.plusSeconds(3600), "by hand", null));
            return videos;
        }
    }

    /** Polls the heap every 5 ms and also reads the heap pools' peaks: the larger of the two. */
    static final class HeapPeak {
        private final AtomicLong polled = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapPeak start() {
            HeapPeak peak = new HeapPeak();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            peak.thread = new Thread(() -> {
                while (peak.running) {
                    peak.polled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            peak.thread.setDaemon(true);
            peak.thread.start();
            return peak;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return polled.get();
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        }
    }
}
