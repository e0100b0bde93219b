package dev.tiktokcalendar.bench;

import dev.tiktokcalendar.bench.PipelineFixture.PostSpec;
import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.simulator.fault.EndpointFaults;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.inspect.RequestRecord;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettingsBuilder;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The publishing pipeline's benchmarks of issue 5 (bench/RESULTS.md; run with bench/run-pipeline.sh, never by
 * surefire). Each scenario starts the application as in production against an in-process simulator on a fresh
 * schema and measures from the database and the simulator's request log:
 * <ul>
 *   <li>{@code burst [accounts=1000] [scheduledAheadSeconds=45] [rounds=1]}: dispatch lag (init sent minus due) of
 *       one post per account, all due at the same instant, inserted that long before it (a calendar is loaded ahead of
 *       its time; the app prepares posts {@code prepare-ahead} before theirs), simulator latency 50 ms on every
 *       endpoint. With {@code rounds} above 1 the same burst is repeated on accounts of its own in the same process,
 *       each round once the previous one's posts have settled: the first round meets code the JIT has compiled for 100
 *       posts, the later ones a process that has served a burst, as a long-running server has;</li>
 *   <li>{@code spread [minutes=5] [postsPerHour=10000]}: the same lag for posts due at random instants at the
 *       arrival rate of 10,000 posts an hour;</li>
 *   <li>{@code utilisation [timeScale=6] [windowMarginMs=0]}: 20 accounts x 30 posts due now; time to initiate them
 *       all against the 4 windows the init limit (6 per 60 s) allows, and every 429;</li>
 *   <li>{@code throughput [posts=5000] [accounts=1000] [rounds=1]}: scheduled to published per second, zero latency,
 *       no delays, limits off; later rounds (accounts of their own, once the previous round is final) measure a process
 *       whose JIT has compiled the pipeline;</li>
 *   <li>{@code status [posts=200] [timeScale=10]}: status/fetch calls per published post, default delays and
 *       reconciliation settings, both time-scaled;</li>
 *   <li>{@code idle [futurePosts=1000000] [seconds=120]}: statements per minute the app sends with nothing due, the
 *       due probe's plan and time, and the job repository's growth.</li>
 * </ul>
 * Extra application settings can be appended as {@code --name=value} arguments after the scenario's own.
 */
public final class PipelineBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(50);

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "burst";
        List<String> numbers = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            (args[i].startsWith("--") ? settings : numbers).add(args[i]);
        }
        report("scenario " + scenario + " " + numbers + " " + settings + "; load average before: " + loadAverage());
        switch (scenario) {
            case "burst" -> burst(intArg(numbers, 0, 1000), intArg(numbers, 1, 45), intArg(numbers, 2, 1), settings);
            case "spread" -> spread(intArg(numbers, 0, 5), intArg(numbers, 1, 10_000), settings);
            case "utilisation" -> utilisation(intArg(numbers, 0, 6), intArg(numbers, 1, 0), settings);
            case "throughput" -> throughput(intArg(numbers, 0, 5000), intArg(numbers, 1, 1000), intArg(numbers, 2, 1), settings);
            case "status" -> status(intArg(numbers, 0, 200), intArg(numbers, 1, 10), settings);
            case "idle" -> IdleCost.run(intArg(numbers, 0, 1_000_000), intArg(numbers, 1, 120), settings);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        report("load average after: " + loadAverage());
        System.exit(0);
    }

    // ---- 1. dispatch lag ----------------------------------------------------------------------------------------

    private static void burst(int accounts, int scheduledAheadSeconds, int rounds, List<String> settings) throws Exception {
        int creators = accounts * rounds + 100;
        try (PipelineFixture fixture = PipelineFixture.create("burst", slowWorld("burst", creators), 400)) {
            fixture.startApp("", settings);
            List<Long> ids = fixture.connectAccounts(PipelineFixture.creatorNames("burst", creators));
            warmUp(fixture, ids.subList(accounts * rounds, creators));
            for (int round = 1; round <= rounds; round++) {
                String keys = "burst-" + round + "-";
                Instant due = Instant.now().plusSeconds(scheduledAheadSeconds).truncatedTo(ChronoUnit.SECONDS);
                List<PostSpec> posts = new ArrayList<>();
                for (int i = 0; i < accounts; i++) {
                    posts.add(new PostSpec(ids.get((round - 1) * accounts + i), keys + i, due, "PUBLIC_TO_EVERYONE"));
                }
                fixture.insertPosts(posts);
                report("round " + round + " of " + rounds + ": inserted " + accounts + " posts due at " + due + " ("
                        + scheduledAheadSeconds + " s ahead)");
                awaitInitiated(fixture, keys + "%", accounts, Duration.ofMinutes(5));
                reportLags(fixture, keys + "%", "burst round " + round + " of " + rounds + ": " + accounts
                        + " accounts, one post each, all due at " + due);
                if (round < rounds) {
                    awaitNothingInFlight(fixture, Duration.ofMinutes(5));
                }
            }
            reportProblems(fixture);
        }
    }

    private static void spread(int minutes, int postsPerHour, List<String> settings) throws Exception {
        int accounts = 1000;
        int count = (int) Math.round(postsPerHour * minutes / 60.0);
        try (PipelineFixture fixture = PipelineFixture.create("spread", slowWorld("spread", accounts + 100), 400)) {
            fixture.startApp("", settings);
            List<Long> ids = fixture.connectAccounts(PipelineFixture.creatorNames("spread", accounts + 100));
            warmUp(fixture, ids.subList(accounts, accounts + 100));
            Instant start = Instant.now().plusSeconds(5);
            Random random = new Random(5);
            List<Long> shuffled = new ArrayList<>(ids.subList(0, accounts));
            Collections.shuffle(shuffled, random);
            List<PostSpec> posts = new ArrayList<>();
            long spanMs = Duration.ofMinutes(minutes).toMillis();
            for (int i = 0; i < count; i++) {
                Instant due = start.plusMillis((long) (random.nextDouble() * spanMs));
                posts.add(new PostSpec(shuffled.get(i % accounts), "spread-" + i, due, "PUBLIC_TO_EVERYONE"));
            }
            fixture.insertPosts(posts);
            report("inserted " + count + " posts due at random instants over " + minutes + " min from " + start
                    + " (" + postsPerHour + "/h)");
            awaitInitiated(fixture, "spread-%", count, Duration.ofMinutes(minutes + 5));
            reportLags(fixture, "spread-%", "spread: " + count + " posts over " + minutes + " min on " + accounts + " accounts");
            reportProblems(fixture);
        }
    }

    /** Simulator latency on every endpoint: a SLOW fault with probability 1. */
    private static World slowWorld(String prefix, int creators) {
        SimulatorSettingsBuilder builder = SimulatorSettings.builder().requestLogCapacity(1_000_000);
        EndpointFaults slow = new EndpointFaults(Map.of(FaultKind.SLOW, 1.0), LATENCY, null);
        for (Endpoint endpoint : Endpoint.values()) {
            builder.fault(endpoint, slow);
        }
        return world(prefix, creators, builder.build());
    }

    /** 100 posts on accounts of their own, so the measured posts meet a warm JVM, as a running server is. */
    private static void warmUp(PipelineFixture fixture, List<Long> accounts) {
        Instant due = Instant.now();
        List<PostSpec> posts = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            posts.add(new PostSpec(accounts.get(i), "warmup-" + i, due, "PUBLIC_TO_EVERYONE"));
        }
        fixture.insertPosts(posts);
        awaitInitiated(fixture, "warmup-%", accounts.size(), Duration.ofMinutes(3));
        report("warm-up: " + accounts.size() + " posts initiated");
    }

    /**
     * Two lags per post: init sent minus due, "sent" being the instant the simulator received the accepted init (before
     * its 50 ms latency; the figure), and init answered minus due (the app's {@code init_sent_at}, recorded once
     * the answer is in). An account's accepted inits are paired with its posts in the order they were answered.
     */
    private static void reportLags(PipelineFixture fixture, String keys, String what) {
        record Answered(String openId, long dueMillis, long answeredMillis) {
        }
        List<Answered> posts = fixture.jdbc.sql("""
                        SELECT t.open_id, p.publish_at, a.init_sent_at
                        FROM post p JOIN post_attempt a ON a.post_id = p.id AND a.attempt_no = 1
                             JOIN tiktok_account t ON t.id = p.account_id
                        WHERE p.external_key LIKE ? AND a.init_sent_at IS NOT NULL
                        ORDER BY a.init_sent_at, p.id""")
                .param(keys)
                .query((rs, n) -> new Answered(rs.getString(1),
                        rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli(),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli()))
                .list();
        Map<String, Deque<RequestRecord>> acceptedInits = new HashMap<>();
        fixture.sim.requestLog().stream()
                .filter(r -> r.endpoint().isInit() && r.httpStatus() == 200)
                .sorted(Comparator.comparing(RequestRecord::at))
                .forEach(r -> acceptedInits.computeIfAbsent(r.creatorOpenId(), k -> new ArrayDeque<>()).add(r));
        List<Long> answeredLags = new ArrayList<>();
        List<Long> sentLags = new ArrayList<>();
        for (Answered post : posts) {
            answeredLags.add(post.answeredMillis() - post.dueMillis());
            Deque<RequestRecord> inits = acceptedInits.get(post.openId());
            RequestRecord init = inits == null ? null : inits.pollFirst();
            if (init != null) {
                sentLags.add(init.receivedAt().toEpochMilli() - post.dueMillis());
            }
        }
        report(String.format("RESULT %s: dispatch lag over %d posts (init sent, i.e. received by the simulator, minus due): "
                        + "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms, min %d ms", what, sentLags.size(), pct(sentLags, 50),
                pct(sentLags, 90), pct(sentLags, 99), pct(sentLags, 100), pct(sentLags, 0)));
        report(String.format("RESULT %s: init answered minus due over %d posts: p50 %d ms, p90 %d ms, "
                        + "p99 %d ms, max %d ms, min %d ms", what, answeredLags.size(), pct(answeredLags, 50), pct(answeredLags, 90),
                pct(answeredLags, 99), pct(answeredLags, 100), pct(answeredLags, 0)));
    }

    // ---- 2. limit utilisation -----------------------------------------------------------------------------------

    private static void utilisation(int timeScale, int windowMarginMs, List<String> settings) throws Exception {
        int accounts = 20;
        int perAccount = 30;
        Duration simWindow = Duration.ofMillis(60_000 / timeScale);
        String appWindow = (simWindow.toMillis() + windowMarginMs) + "ms";
        World world = world("util", accounts, SimulatorSettings.builder().timeScale(timeScale).build());
        try (PipelineFixture fixture = PipelineFixture.create("utilisation", world, 32)) {
            List<String> args = new ArrayList<>(List.of(
                    "--tiktok.rate-limits.init.window=" + appWindow,
                    "--tiktok.rate-limits.status.window=" + appWindow,
                    "--tiktok.rate-limits.creator-info.window=" + appWindow,
                    "--tiktok.rate-limits.display.window=" + appWindow));
            args.addAll(settings);
            fixture.startApp("", args);
            List<Long> ids = fixture.connectAccounts(PipelineFixture.creatorNames("util", accounts));
            Instant due = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
            List<PostSpec> posts = new ArrayList<>();
            for (int i = 0; i < perAccount; i++) {
                for (int a = 0; a < accounts; a++) {
                    posts.add(new PostSpec(ids.get(a), "util-" + a + "-" + i, due, "PUBLIC_TO_EVERYONE"));
                }
            }
            fixture.insertPosts(posts);
            int total = accounts * perAccount;
            awaitInitiated(fixture, "util-%", total, Duration.ofSeconds(simWindow.toSeconds() * 12 + 60));
            Instant last = fixture.jdbc.sql("""
                            SELECT MAX(a.init_sent_at) FROM post p JOIN post_attempt a ON a.post_id = p.id
                            WHERE p.external_key LIKE 'util-%' AND a.publish_id IS NOT NULL""")
                    .query(LocalDateTime.class).single().toInstant(ZoneOffset.UTC);
            long perWindow = 6;
            long windowsNeeded = (perAccount + perWindow - 1) / perWindow - 1;
            Duration ideal = simWindow.multipliedBy(windowsNeeded);
            Duration took = Duration.between(due, last);
            List<RequestRecord> overLimit = fixture.sim.overLimitRequests();
            long rateLimitedEvents = fixture.jdbc.sql("SELECT COUNT(*) FROM post_event WHERE tiktok_code = 'rate_limit_exceeded'")
                    .query(Long.class).single();
            long inits = fixture.sim.requestLog().stream().filter(r -> r.endpoint() == Endpoint.VIDEO_INIT).count();
            report(String.format("RESULT utilisation: %d accounts x %d posts due at %s, time scale %d (window %d ms, app window %s): "
                            + "last init answered %d ms after due; ideal %d windows = %d ms; ratio %.3f; video/init requests %d; "
                            + "over-limit requests at the simulator %d; rate_limit_exceeded in post_event %d",
                    accounts, perAccount, due, timeScale, simWindow.toMillis(), appWindow, took.toMillis(), windowsNeeded,
                    ideal.toMillis(), (double) took.toMillis() / ideal.toMillis(), inits, overLimit.size(), rateLimitedEvents));
            for (int w = 0; w <= windowsNeeded + 1; w++) {
                long from = due.toEpochMilli() + w * simWindow.toMillis();
                long n = fixture.sim.requestLog().stream().filter(r -> r.endpoint() == Endpoint.VIDEO_INIT && r.httpStatus() == 200)
                        .filter(r -> r.at().toEpochMilli() >= from && r.at().toEpochMilli() < from + simWindow.toMillis()).count();
                report("  window " + w + " (simulator clock): " + n + " inits accepted");
            }
            reportProblems(fixture);
        }
    }

    // ---- 3. throughput ceiling ----------------------------------------------------------------------------------

    private static void throughput(int postCount, int accounts, int rounds, List<String> settings) throws Exception {
        World world = world("tp", accounts * rounds, SimulatorSettings.builder()
                .processingDelay(Duration.ZERO).downloadDelay(Duration.ZERO).moderationDelay(Duration.ZERO)
                .requestLogCapacity(2_000_000)
                .rateLimits(new RateLimitSettings(false, null, null, null, null, null, null, null)).build());
        try (PipelineFixture fixture = PipelineFixture.create("throughput", world, 16)) {
            List<String> args = new ArrayList<>(List.of(
                    // the limiter stays on the path (reservation statements) but never refuses
                    "--tiktok.rate-limits.init.count=50", "--tiktok.rate-limits.init.window=1ms",
                    "--tiktok.rate-limits.status.count=50", "--tiktok.rate-limits.status.window=1ms",
                    "--tiktok.rate-limits.creator-info.count=50", "--tiktok.rate-limits.creator-info.window=1ms",
                    "--tiktok.rate-limits.display.count=50", "--tiktok.rate-limits.display.window=1ms",
                    "--calendar.publishing.reconciliation.first-check=0ms"));
            args.addAll(settings);
            fixture.startApp("", args);
            List<Long> ids = fixture.connectAccounts(PipelineFixture.creatorNames("tp", accounts * rounds));
            warmUp(fixture, ids.subList(0, Math.min(100, accounts)));
            awaitFinal(fixture, "warmup-%", Math.min(100, accounts), Duration.ofMinutes(2));
            for (int round = 1; round <= rounds; round++) {
                String keys = "tp-" + round + "-";
                List<Long> roundAccounts = ids.subList((round - 1) * accounts, round * accounts);
                Instant due = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
                List<PostSpec> posts = new ArrayList<>();
                for (int i = 0; i < postCount; i++) {
                    posts.add(new PostSpec(roundAccounts.get(i % accounts), keys + i, due, "PUBLIC_TO_EVERYONE"));
                }
                fixture.insertPosts(posts);
                report("round " + round + " of " + rounds + ": inserted " + postCount + " posts due at " + due);
                Map<String, Long> statementsBefore = StatementCounter.snapshot();
                awaitFinal(fixture, keys + "%", postCount, Duration.ofMinutes(30));
                if (PipelineFixture.COUNT_STATEMENTS) {
                    reportStatementsPerPost(statementsBefore, postCount);
                }
                var row = fixture.jdbc.sql("""
                                SELECT COUNT(*) AS n, SUM(state = 'PUBLISHED') AS published,
                                       TIMESTAMPDIFF(MICROSECOND, ?, MAX(state_changed_at)) DIV 1000 AS last_ms,
                                       TIMESTAMPDIFF(MICROSECOND, ?, MAX(init_sent_at)) DIV 1000 AS last_init_ms
                                FROM post WHERE external_key LIKE ?""")
                        .params(SqlTime.utc(due), SqlTime.utc(due), keys + "%")
                        .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("published"), rs.getLong("last_ms"), rs.getLong("last_init_ms")})
                        .single();
                report(String.format("RESULT throughput round %d of %d: %d posts on %d accounts due at %s: %d PUBLISHED; "
                                + "last published %d ms after due = %.1f posts/s scheduled-to-published; last init %d ms after "
                                + "due = %.1f inits/s", round, rounds,
                        row[0], accounts, due, row[1], row[2], row[0] * 1000.0 / row[2], row[3], row[0] * 1000.0 / row[3]));
            }
            reportProblems(fixture);
        }
    }

    private static void reportStatementsPerPost(Map<String, Long> before, int posts) {
        Map<String, Long> after = StatementCounter.snapshot();
        long total = after.values().stream().mapToLong(Long::longValue).sum() - before.values().stream().mapToLong(Long::longValue).sum();
        report(String.format("RESULT statements per post (scheduled to published, everything the app sent): %.1f", (double) total / posts));
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > posts / 20)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> report(String.format("  %6.2f/post  %s", (double) e.getValue() / posts, e.getKey())));
    }

    // ---- 4. status economy --------------------------------------------------------------------------------------

    private static void status(int postCount, int timeScale, List<String> settings) throws Exception {
        int accounts = Math.max(1, postCount / 5);
        World world = world("st", accounts, SimulatorSettings.builder().timeScale(timeScale).build());
        try (PipelineFixture fixture = PipelineFixture.create("status", world, 16)) {
            String window = (60_000 / timeScale) + "ms";
            List<String> args = new ArrayList<>(List.of(
                    "--tiktok.rate-limits.init.window=" + window,
                    "--tiktok.rate-limits.status.window=" + window,
                    "--tiktok.rate-limits.creator-info.window=" + window,
                    "--tiktok.rate-limits.display.window=" + window,
                    "--calendar.scheduling.jobs.publish-due-posts.interval=" + (1000 / timeScale) + "ms",
                    "--calendar.scheduling.jobs.reconcile-status.interval=" + (1000 / timeScale) + "ms",
                    "--calendar.publishing.reconciliation.first-check=" + scaled("10s", timeScale),
                    "--calendar.publishing.reconciliation.max-interval=" + scaled("300s", timeScale),
                    "--calendar.publishing.reconciliation.processing-ceiling=" + scaled("7200s", timeScale),
                    "--calendar.publishing.reconciliation.public-id-interval=" + scaled("60s", timeScale),
                    "--calendar.publishing.reconciliation.public-id-patience=" + scaled("3600s", timeScale),
                    "--calendar.publishing.reconciliation.unknown-search-window=" + scaled("1800s", timeScale),
                    "--calendar.publishing.reconciliation.lease=" + scaled("120s", timeScale),
                    "--calendar.publishing.claim-ttl=" + scaled("300s", timeScale),
                    "--calendar.publishing.upload-lease=" + scaled("120s", timeScale)));
            args.addAll(settings);
            fixture.startApp("", args);
            List<Long> ids = fixture.connectAccounts(PipelineFixture.creatorNames("st", accounts));
            Instant start = Instant.now().plusSeconds(2);
            Random random = new Random(4);
            List<PostSpec> posts = new ArrayList<>();
            for (int i = 0; i < postCount; i++) {
                String privacy = i % 4 == 3 ? "SELF_ONLY" : "PUBLIC_TO_EVERYONE";
                posts.add(new PostSpec(ids.get(i % accounts), "st-" + i, start.plusMillis(random.nextInt(20_000)), privacy));
            }
            fixture.insertPosts(posts);
            awaitFinal(fixture, "st-%", postCount, Duration.ofMinutes(20));
            long published = fixture.jdbc.sql("SELECT COUNT(*) FROM post WHERE external_key LIKE 'st-%' AND state IN ('PUBLISHED', 'PUBLISHED_NO_PUBLIC_ID')")
                    .query(Long.class).single();
            long withUrl = fixture.jdbc.sql("SELECT COUNT(*) FROM post WHERE external_key LIKE 'st-%' AND tiktok_url IS NOT NULL")
                    .query(Long.class).single();
            List<RequestRecord> log = fixture.sim.requestLog();
            long statusCalls = log.stream().filter(r -> r.endpoint() == Endpoint.STATUS_FETCH).count();
            List<Long> perPost = fixture.jdbc.sql("""
                            SELECT COUNT(e.id) FROM post p LEFT JOIN post_event e ON e.post_id = p.id AND e.endpoint = 'status/fetch'
                            WHERE p.external_key LIKE 'st-%' GROUP BY p.id""")
                    .query(Long.class).list();
            report(String.format("RESULT status economy: %d posts (3/4 public, 1/4 SELF_ONLY) on %d accounts, time scale %d: "
                            + "%d published (%d with public URL); %d status/fetch calls at the simulator = %.2f per published post; "
                            + "per post p50 %d, max %d; over-limit requests %d",
                    postCount, accounts, timeScale, published, withUrl, statusCalls, (double) statusCalls / published,
                    pct(perPost, 50), pct(perPost, 100), fixture.sim.overLimitRequests().size()));
            reportProblems(fixture);
        }
    }

    private static String scaled(String seconds, int timeScale) {
        return (Long.parseLong(seconds.replace("s", "")) * 1000 / timeScale) + "ms";
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    static World world(String prefix, int creators, SimulatorSettings settings) {
        List<WorldCreator> list = PipelineFixture.creatorNames(prefix, creators).stream()
                .map(name -> WorldCreator.named(name).withDailyPostCap(100_000)).toList();
        return new World(WorldApp.defaults(), list, settings);
    }

    private static void awaitInitiated(PipelineFixture fixture, String keys, int count, Duration timeout) {
        await("posts " + keys + " initiated or settled", timeout, () -> fixture.jdbc.sql("""
                        SELECT COUNT(*) FROM post p
                        WHERE p.external_key LIKE ? AND (p.init_sent_at IS NOT NULL OR p.state IN ('FAILED', 'HELD', 'CANCELLED'))""")
                .param(keys).query(Long.class).single() >= count);
    }

    /** Until no post is claimed, uploading or processing: the next round starts on a quiet pipeline, as the first did. */
    private static void awaitNothingInFlight(PipelineFixture fixture, Duration timeout) {
        await("no post in flight", timeout, () -> fixture.jdbc.sql("""
                        SELECT COUNT(*) FROM post WHERE state IN ('CLAIMED', 'INIT_IN_FLIGHT', 'UPLOADING', 'PROCESSING')""")
                .query(Long.class).single() == 0);
    }

    private static void awaitFinal(PipelineFixture fixture, String keys, int count, Duration timeout) {
        await("posts " + keys + " final", timeout, () -> fixture.jdbc.sql("""
                        SELECT COUNT(*) FROM post WHERE external_key LIKE ?
                        AND (state IN ('PUBLISHED', 'FAILED', 'HELD', 'CANCELLED', 'IN_INBOX')
                             OR (state = 'PUBLISHED_NO_PUBLIC_ID' AND next_attempt_at >= '9000-01-01'))""")
                .param(keys).query(Long.class).single() >= count);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Anything that is not a clean run: duplicates, requests over a limit, posts that failed or were deferred. */
    private static void reportProblems(PipelineFixture fixture) {
        report("check: duplicates at the simulator " + fixture.sim.duplicates().size()
                + ", over-limit requests " + fixture.sim.overLimitRequests().size()
                + ", states " + fixture.jdbc.sql("SELECT CONCAT(state, '=', COUNT(*)) FROM post GROUP BY state").query(String.class).list()
                + ", deferrals " + fixture.jdbc.sql("SELECT CONCAT(code, '=', COUNT(*)) FROM (SELECT SUBSTRING_INDEX(SUBSTRING_INDEX("
                        + "SUBSTRING_INDEX(reason, ': ', 2), ': ', -1), ' ', 1) AS code FROM post_event WHERE to_state = 'DEFERRED') d "
                        + "GROUP BY code").query(String.class).list()
                + ", job executions " + fixture.jdbc.sql("SELECT CONCAT(i.JOB_NAME, '=', COUNT(*)) FROM BATCH_JOB_EXECUTION e "
                        + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID GROUP BY i.JOB_NAME").query(String.class).list());
    }

    static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static void report(String line) {
        System.out.println("[bench " + Instant.now() + "] " + line);
    }

    private static int intArg(List<String> numbers, int index, int fallback) {
        return numbers.size() > index ? Integer.parseInt(numbers.get(index)) : fallback;
    }

    private PipelineBenchmark() {
    }
}
