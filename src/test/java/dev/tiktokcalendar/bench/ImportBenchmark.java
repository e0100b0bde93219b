package dev.tiktokcalendar.bench;

import dev.tiktokcalendar.cli.CommandContext;
import dev.tiktokcalendar.importer.CalendarFormat;
import dev.tiktokcalendar.importer.CalendarImporter;
import dev.tiktokcalendar.importer.ImportDefaults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Issue 6 benchmark (not a test; surefire does not run it): generates a native calendar of {@code rows} rows
 * over {@code accounts} accounts, imports it with the full checks through {@code importCalendarJob}, then
 * loads the same rows into the same {@code post} table with {@code LOAD DATA LOCAL INFILE} as the physical
 * bound. Prints rows/s of both and the peak heap of the import. Run it with {@code -Xmx256m}; see
 * bench/RESULTS.md for the command.
 *
 * <p>Arguments: {@code [rows] [accounts]}; environment {@code BENCH_DB_URL} (a server URL without schema,
 * default {@code jdbc:mysql://127.0.0.1:3306/}), {@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD},
 * {@code BENCH_SCHEMA} (default {@code tc_bench}): it drops and recreates that schema; {@code BENCH_CHUNK}
 * (default 1000), {@code BENCH_DB_PARAMS} (extra URL parameters), {@code BENCH_LOAD_DATA_LOCAL} ({@code false}: the
 * import writes multi-row INSERTs, as on a server without {@code local_infile}). The application's connections get the
 * application's own Connector/J settings (as in production); only the bound's connection may read a local file.
 */
public final class ImportBenchmark {

    /** Dropped and recreated: give each engineer sharing a server a schema of their own. */
    private static final String SCHEMA = env("BENCH_SCHEMA", "tc_bench");
    /** {@code -Dbench.dryRun=true}: the same checks without writing posts, to see the database's share. */
    private static final boolean DRY_RUN = Boolean.getBoolean("bench.dryRun");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        if (!SCHEMA.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("BENCH_SCHEMA must be a plain schema name: " + SCHEMA);
        }
        String server = env("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
        String user = env("BENCH_DB_USER", "root");
        String password = env("BENCH_DB_PASSWORD", "");
        Path work = Files.createDirectories(Path.of("target/bench"));
        Path media = Files.createDirectories(work.resolve("media/v"));
        for (int i = 0; i < 1000; i++) {
            Files.write(media.resolve("clip-" + i + ".mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        }
        Path calendar = work.resolve("calendar-" + rows + ".csv");
        long generateStart = System.nanoTime();
        generate(calendar, rows, accounts);
        System.out.printf("generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(calendar), seconds(generateStart));

        try (Connection root = DriverManager.getConnection(server, user, password); Statement s = root.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        // the application's connections get only the extra parameters (its own defaults apply, as in production);
        // the bound's connection may read the local file it loads
        String extra = env("BENCH_DB_PARAMS", "").replaceFirst("^[?&]", "");
        String url = server + SCHEMA + (extra.isEmpty() ? "" : "?" + extra);
        String loadUrl = server + SCHEMA + "?allowLoadLocalInfile=true" + (extra.isEmpty() ? "" : "&" + extra);
        List<String> spring = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--calendar.import.media-root=" + work.resolve("media"),
                "--calendar.import.chunk-size=" + env("BENCH_CHUNK", "1000"),
                "--calendar.import.load-data-local=" + env("BENCH_LOAD_DATA_LOCAL", "true"));
        System.out.println("database " + url + ", chunk size " + env("BENCH_CHUNK", "1000"));
        long importMillis;
        long importCpuMillis;
        long peakHeap;
        try (CommandContext context = CommandContext.start(spring)) {
            seed(url, user, password, accounts);
            System.gc();
            resetPeaks();
            watchHeapAfterGc();
            java.util.Map<String, Long> threadsBefore = threadCpu();
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            CalendarImporter.Outcome outcome = context.bean(CalendarImporter.class)
                    .importFile(calendar, CalendarFormat.NATIVE, "bench", ImportDefaults.NONE, DRY_RUN, false);
            importMillis = (System.nanoTime() - start) / 1_000_000;
            importCpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
            threadCpu().forEach((name, ticks) -> {
                long used = ticks - threadsBefore.getOrDefault(name, 0L);
                if (used > 10) {
                    System.out.printf("thread CPU during the import: %-20s %.1f s%n", name, used / 100.0);
                }
            });
            peakHeap = peakHeap();
            System.out.printf("import: %s, read %,d, added %,d, rejected %,d%n", outcome.execution().getStatus(),
                    outcome.run().rowsRead(), outcome.run().rowsCreated(), outcome.run().rowsRejected());
            outcome.execution().getStepExecutions().forEach(step -> System.out.printf("  step %-24s %6.1f s%n", step.getStepName(),
                    java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0));
            if (outcome.run().rowsCreated() != rows) {
                throw new IllegalStateException("the benchmark calendar should import completely");
            }
        }
        long loadMillis = loadData(loadUrl, user, password, work, rows, accounts);
        double importRate = rows * 1000.0 / importMillis;
        double loadRate = rows * 1000.0 / loadMillis;
        System.out.printf("RESULT import: %,d rows in %.1f s = %,.0f rows/s, peak heap %,d MB (sum of pool peaks, garbage "
                        + "included), peak heap after GC %,d MB, max heap %,d MB%n", rows, importMillis / 1000.0, importRate,
                peakHeap / (1024 * 1024), PEAK_AFTER_GC.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("RESULT import JVM CPU: %.1f s (all threads, %.0f µs per row)%n", importCpuMillis / 1000.0,
                importCpuMillis * 1000.0 / rows);
        System.out.printf("RESULT LOAD DATA LOCAL INFILE: %,d rows in %.1f s = %,.0f rows/s%n", rows, loadMillis / 1000.0, loadRate);
        System.out.printf("RESULT ratio import / LOAD DATA = %.2f%n", importRate / loadRate);
    }

    /** Account k gets rows k, k+accounts, ...: each account one post every 8 hours from 2030-01-01, on a few clips. */
    private static void generate(Path file, int rows, int accounts) throws IOException {
        LocalDateTime base = LocalDateTime.of(2030, 1, 1, 6, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("external_id,account,publish_at,timezone,media,privacy,caption,allow_comments\n");
            for (int i = 0; i < rows; i++) {
                int account = i % accounts;
                int n = i / accounts;
                out.write("b" + i + ",acct" + account + "," + base.plusHours(8L * n).plusMinutes(account % 60).format(LOCAL)
                        + ",Europe/Paris,v/clip-" + (i % 1000) + ".mp4,public,\"Post " + n + " of acct" + account
                        + ", with a comma #bench 🎬\",yes\n");
            }
        }
    }

    private static void seed(String url, String user, String password, int accounts) throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String slug : List.of("bench", "bench-load")) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, slug);
                    ps.setString(2, slug);
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    ps.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, created_at, updated_at)
                    VALUES ((SELECT id FROM workspace WHERE slug = 'bench'), ?, ?, 'Europe/Paris', ?, ?)""")) {
                for (int i = 0; i < accounts; i++) {
                    ps.setString(1, "open-" + i);
                    ps.setString(2, "acct" + i);
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** The same rows, already resolved (account id, UTC instant), loaded into post by the server itself. */
    private static long loadData(String url, String user, String password, Path work, int rows, int accounts) throws Exception {
        Path tsv = work.resolve("post-" + rows + ".tsv");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long workspace;
            long firstAccount;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT (SELECT id FROM workspace WHERE slug = 'bench-load'), (SELECT MIN(id) FROM tiktok_account)")) {
                r.next();
                workspace = r.getLong(1);
                firstAccount = r.getLong(2);
            }
            LocalDateTime base = LocalDateTime.of(2030, 1, 1, 6, 0);
            DateTimeFormatter sql = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
            String now = LocalDateTime.now(ZoneOffset.UTC).format(sql);
            try (BufferedWriter out = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
                for (int i = 0; i < rows; i++) {
                    int account = i % accounts;
                    int n = i / accounts;
                    LocalDateTime local = base.plusHours(8L * n).plusMinutes(account % 60);
                    String utc = local.atZone(java.time.ZoneId.of("Europe/Paris")).withZoneSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime().format(sql);
                    out.write(workspace + "\t" + (firstAccount + account) + "\tid:b" + i + "\tVIDEO\tDIRECT\tSCHEDULED\t" + now + "\t"
                            + utc + "\tEurope/Paris\t" + utc + "\tPost " + n + " of acct" + account + ", with a comma #bench 🎬\t"
                            + "PUBLIC_TO_EVERYONE\t1\t" + now + "\t" + now + "\n");
                }
            }
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("LOAD DATA LOCAL INFILE '" + tsv.toAbsolutePath() + "' INTO TABLE post CHARACTER SET utf8mb4 "
                        + "FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (workspace_id, account_id, external_key, post_type, "
                        + "post_mode, state, state_changed_at, publish_at, publish_zone, next_attempt_at, caption, privacy_level, "
                        + "allow_comment, created_at, updated_at)");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM post WHERE workspace_id = " + workspace)) {
                r.next();
                if (r.getLong(1) != rows) {
                    throw new IllegalStateException("LOAD DATA loaded " + r.getLong(1) + " rows");
                }
            }
            return millis;
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong PEAK_AFTER_GC = new java.util.concurrent.atomic.AtomicLong();

    /** The live heap: the largest heap use right after a collection, over the import. */
    private static void watchHeapAfterGc() {
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                    PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    /**
     * CPU ticks (1/100 s) per thread name (digits dropped, so "C2 CompilerThread0" and "...1" add up) from Linux's
     * /proc: JIT and GC threads are not Java threads, and a thread that has ended is gone from it; empty elsewhere.
     */
    private static java.util.Map<String, Long> threadCpu() throws IOException {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ticks;
        }
        try (var list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9#]+", "");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        }
        return ticks;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap the import used. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
