package dev.tiktokcalendar.bench;

import dev.tiktokcalendar.calendar.DuePostProbe;
import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.tiktokcalendar.bench.PipelineBenchmark.pct;
import static dev.tiktokcalendar.bench.PipelineBenchmark.report;

/**
 * Figure 5 of issue 5: what an idle calendar of {@code futurePosts} future posts costs the database. Statements are
 * counted on the application's own JDBC connections ({@link StatementCounter}); the due probe's plan and time are
 * measured on a separate connection of the harness.
 */
final class IdleCost {

    private static final int ACCOUNTS = 1000;

    static void run(int futurePosts, int seconds, List<String> settings) throws Exception {
        try (PipelineFixture fixture = PipelineFixture.create("idle",
                PipelineBenchmark.world("idle", ACCOUNTS, SimulatorSettings.defaults()), 8)) {
            fixture.startApp("queryInterceptors=" + StatementCounter.class.getName(), settings);
            fixture.connectAccounts(PipelineFixture.creatorNames("idle", ACCOUNTS));
            long started = System.nanoTime();
            // one post every 31 s for a year, from one day ahead, spread over the accounts
            fixture.jdbc.sql("""
                    INSERT INTO post (workspace_id, account_id, external_key, post_type, post_mode, state, state_changed_at,
                                      publish_at, publish_zone, next_attempt_at, caption, privacy_level, created_at, updated_at)
                    SELECT a.workspace_id, a.id, CONCAT('idle-', s.seq), 'VIDEO', 'DIRECT', 'SCHEDULED', UTC_TIMESTAMP(3),
                           UTC_TIMESTAMP(3) + INTERVAL 86400 + s.seq * 31 SECOND, 'UTC',
                           UTC_TIMESTAMP(3) + INTERVAL 86400 + s.seq * 31 SECOND, CONCAT('idle post ', s.seq),
                           'PUBLIC_TO_EVERYONE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
                    FROM seq_1_to_%d s JOIN tiktok_account a ON a.id = (SELECT MIN(id) FROM tiktok_account) + s.seq MOD %d
                    """.formatted(futurePosts, ACCOUNTS)).update();
            fixture.jdbc.sql("ANALYZE TABLE post").query((rs, n) -> rs.getString("Msg_text")).list();
            report("inserted " + futurePosts + " future posts in " + Duration.ofNanos(System.nanoTime() - started).toSeconds()
                    + " s; letting the app settle for 20 s");
            Thread.sleep(20_000);

            long jobsBefore = jobExecutions(fixture);
            long questionsBefore = globalQuestions(fixture);
            Map<String, Long> shapesBefore = StatementCounter.snapshot();
            long before = StatementCounter.total();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double minutes = (System.nanoTime() - t0) / 60e9;
            long statements = StatementCounter.total() - before;
            long questions = globalQuestions(fixture) - questionsBefore;
            long jobsAfter = jobExecutions(fixture);
            report(String.format("RESULT idle: %d future posts, nothing due, %d s measured: %d statements from the app = %.0f per minute; "
                            + "job executions before %d, after %d; (server-wide Questions delta, all clients of the shared server: %.0f per minute)",
                    futurePosts, seconds, statements, statements / minutes, jobsBefore, jobsAfter, questions / minutes));
            Map<String, Long> shapesAfter = StatementCounter.snapshot();
            Map<String, Long> perMinute = new TreeMap<>();
            shapesAfter.forEach((shape, count) -> {
                long delta = count - shapesBefore.getOrDefault(shape, 0L);
                if (delta > 0) {
                    perMinute.put(shape, Math.round(delta / minutes));
                }
            });
            perMinute.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(entry -> report(String.format("  %6d/min  %s", entry.getValue(), entry.getKey())));

            Set<PostState> watched = EnumSet.copyOf(PostState.DUE_FOR_PUBLISHING);
            watched.addAll(PostState.DUE_FOR_RECONCILIATION);
            probe(fixture, "the due-work watcher (both jobs)", watched);
        }
    }

    /** The probe as {@code DuePostProbe} sends it: its own statement text, the values inlined for EXPLAIN. */
    private static void probe(PipelineFixture fixture, String asker, Set<PostState> states) throws Exception {
        String now = "'" + SqlTime.utc(Instant.now()) + "'";
        String sql = DuePostProbe.earliestDueSql(states.size());
        for (PostState state : states) {
            sql = sql.replaceFirst("\\?", "'" + state.name() + "'").replaceFirst("\\?", now);
        }
        report("probe of " + asker + ": " + sql);
        for (String line : fixture.jdbc.sql("EXPLAIN " + sql).query((rs, n) -> row(rs)).list()) {
            report("  EXPLAIN " + line);
        }
        for (String line : fixture.jdbc.sql("ANALYZE " + sql).query((rs, n) -> row(rs)).list()) {
            report("  ANALYZE " + line);
        }
        List<Long> micros = new ArrayList<>();
        try (Connection connection = fixture.batch.getDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(DuePostProbe.earliestDueSql(states.size()))) {
            for (int run = 0; run < 3000; run++) {
                int i = 1;
                String at = SqlTime.utc(Instant.now());
                for (PostState state : states) {
                    statement.setString(i++, state.name());
                    statement.setString(i++, at);
                }
                long t = System.nanoTime();
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    for (int column = 1; column <= states.size(); column++) {
                        if (rs.getObject(column) != null) {
                            throw new IllegalStateException("something is due");
                        }
                    }
                }
                if (run >= 1000) {
                    micros.add((System.nanoTime() - t) / 1000);
                }
            }
        }
        report(String.format("RESULT probe of %s over 2000 runs (round trip from a JDBC client on the same host): "
                + "p50 %d us, p99 %d us, max %d us", asker, pct(micros, 50), pct(micros, 99), pct(micros, 100)));
    }

    private static String row(ResultSet rs) throws java.sql.SQLException {
        StringBuilder line = new StringBuilder();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            line.append(rs.getMetaData().getColumnLabel(c)).append('=').append(rs.getString(c)).append(' ');
        }
        return line.toString().strip();
    }

    private static long jobExecutions(PipelineFixture fixture) {
        return fixture.jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
    }

    private static long globalQuestions(PipelineFixture fixture) {
        return fixture.jdbc.sql("SHOW GLOBAL STATUS LIKE 'Questions'").query((rs, n) -> rs.getLong(2)).single();
    }

    private IdleCost() {
    }
}
