package dev.tiktokcalendar.bench;

import dev.tiktokcalendar.TiktokCalendarApplication;
import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.auth.TokenStore;
import org.flywaydb.core.Flyway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One benchmark run of the whole pipeline: a fresh schema {@code <prefix><scenario>} on the benchmark server
 * (BENCH_DB_URL, default {@code jdbc:mysql://127.0.0.1:3306/}, root without password unless BENCH_DB_USER /
 * BENCH_DB_PASSWORD; the prefix is BENCH_SCHEMA_PREFIX, default {@code tc_bench_pipe_}, so two people benchmarking on
 * one server need not drop each other's schema), an in-process simulator, and the application started as in production (Quartz, Batch,
 * the real TikTok client over HTTP) with the given settings. Accounts are connected through the app's own
 * {@link TokenStore}; posts are inserted with SQL, like an import would.
 */
final class PipelineFixture implements AutoCloseable {

    static final String CLIP = "clip.mp4";
    private static final String SERVER = System.getenv().getOrDefault("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = System.getenv().getOrDefault("BENCH_DB_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");
    private static final String SCHEMA_PREFIX = System.getenv().getOrDefault("BENCH_SCHEMA_PREFIX", "tc_bench_pipe_");

    /** BENCH_COUNT_STATEMENTS=true counts the app's statements in every scenario (costs some CPU). */
    static final boolean COUNT_STATEMENTS = Boolean.parseBoolean(System.getenv("BENCH_COUNT_STATEMENTS"));
    /** Every post gets a copy of the clip of its own (clips/KEY.mp4), so no post meets media the app has probed before. */
    static final boolean DISTINCT_MEDIA = Boolean.parseBoolean(System.getenv("BENCH_DISTINCT_MEDIA"));

    final String schemaUrl;
    final JdbcClient jdbc;
    final JdbcTemplate batch;
    final TikTokSimulator sim;
    final Path mediaRoot;
    private ConfigurableApplicationContext app;
    private long workspaceId;

    private PipelineFixture(String schemaUrl, JdbcClient jdbc, JdbcTemplate batch, TikTokSimulator sim, Path mediaRoot) {
        this.schemaUrl = schemaUrl;
        this.jdbc = jdbc;
        this.batch = batch;
        this.sim = sim;
        this.mediaRoot = mediaRoot;
    }

    static PipelineFixture create(String scenario, World world, int simulatorWorkers) throws IOException {
        String schema = SCHEMA_PREFIX + scenario;
        JdbcClient server = JdbcClient.create(new DriverManagerDataSource(SERVER, USER, PASSWORD));
        server.sql("DROP DATABASE IF EXISTS `" + schema + "`").update();
        server.sql("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").update();
        String schemaUrl = SERVER + schema;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(schemaUrl + "?rewriteBatchedStatements=true", USER, PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        Path mediaRoot = Files.createTempDirectory("bench-media");
        Files.copy(Path.of("src/test/resources/media/ok-h264-360x640-30fps-1s.mp4"), mediaRoot.resolve(CLIP));
        TikTokSimulator sim = TikTokSimulator.builder().world(world).workerThreads(simulatorWorkers).start();
        return new PipelineFixture(schemaUrl, JdbcClient.create(dataSource), new JdbcTemplate(dataSource), sim, mediaRoot);
    }

    /** Starts the application node; {@code settings} are extra {@code --name=value} arguments that win over the defaults. */
    void startApp(String jdbcParameters, List<String> settings) {
        if (COUNT_STATEMENTS && jdbcParameters.isEmpty()) {
            jdbcParameters = "queryInterceptors=" + StatementCounter.class.getName();
        }
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + schemaUrl + (jdbcParameters.isEmpty() ? "" : "?" + jdbcParameters),
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=bench-1",
                "--calendar.node-name=bench-1",
                "--calendar.simulator.embedded=false",
                "--tiktok.api-base-url=" + sim.baseUrl(),
                "--tiktok.auth-base-url=" + sim.baseUrl(),
                "--tiktok.client-key=" + sim.world().app().clientKey(),
                "--tiktok.client-secret=" + sim.world().app().clientSecret(),
                "--calendar.encryption-key=q6ZzV0m7t0b3cXv1mYQ8x0B2F7m3n8k1pQ4r6s9u2wE=",
                "--calendar.publishing.media-root=" + mediaRoot,
                "--logging.level.dev.tiktokcalendar.jobs=WARN",
                "--logging.level.org.springframework.batch=WARN"));
        args.addAll(settings);
        app = new SpringApplicationBuilder(TiktokCalendarApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES ('bench', 'Bench', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")
                .update(key);
        workspaceId = key.getKey().longValue();
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    /** Connects each creator of the simulator's world (tokens issued by the simulator, stored encrypted by the app). */
    List<Long> connectAccounts(List<String> usernames) {
        TokenStore tokens = app.getBean(TokenStore.class);
        List<Long> ids = new ArrayList<>();
        for (String username : usernames) {
            IssuedTokens issued = sim.issueTokens(username);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO tiktok_account (workspace_id, open_id, username, created_at, updated_at)
                            VALUES (?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                    .params(workspaceId, issued.openId(), username).update(key);
            long accountId = key.getKey().longValue();
            Instant now = Instant.now();
            tokens.save(accountId, ClientFixture.grant(issued, now), now);
            ids.add(accountId);
        }
        return ids;
    }

    /** A direct video post of the 1 s test clip (FILE_UPLOAD, one chunk). */
    record PostSpec(long accountId, String key, Instant due, String privacy) {
    }

    /** In one transaction: a post the app could claim before its media row is in would fail as a post without video. */
    void insertPosts(List<PostSpec> posts) {
        if (DISTINCT_MEDIA) {
            copyClipPerPost(posts);
        }
        String sql = """
                INSERT INTO post (workspace_id, account_id, external_key, post_type, post_mode, state, state_changed_at,
                                  publish_at, publish_zone, next_attempt_at, caption, privacy_level, created_at, updated_at)
                VALUES (?, ?, ?, 'VIDEO', 'DIRECT', 'SCHEDULED', UTC_TIMESTAMP(3), ?, 'UTC', ?, ?, ?,
                        UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""";
        new TransactionTemplate(new DataSourceTransactionManager(batch.getDataSource())).executeWithoutResult(status -> {
            for (int from = 0; from < posts.size(); from += 1000) {
                List<PostSpec> slice = posts.subList(from, Math.min(posts.size(), from + 1000));
                batch.batchUpdate(sql, slice, slice.size(), (statement, post) -> {
                    String due = SqlTime.utc(post.due());
                    statement.setLong(1, workspaceId);
                    statement.setLong(2, post.accountId());
                    statement.setString(3, post.key());
                    statement.setString(4, due);
                    statement.setString(5, due);
                    statement.setString(6, "bench post " + post.key());
                    statement.setString(7, post.privacy());
                });
            }
            jdbc.sql("""
                    INSERT INTO post_media (post_id, position, source)
                    SELECT p.id, 0, IF(?, CONCAT('clips/', p.external_key, '.mp4'), ?)
                    FROM post p LEFT JOIN post_media m ON m.post_id = p.id WHERE m.id IS NULL""")
                    .params(DISTINCT_MEDIA, CLIP).update();
        });
    }

    private void copyClipPerPost(List<PostSpec> posts) {
        try {
            Path clips = Files.createDirectories(mediaRoot.resolve("clips"));
            for (PostSpec post : posts) {
                Files.copy(mediaRoot.resolve(CLIP), clips.resolve(post.key() + ".mp4"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> creatorNames(String prefix, int count) {
        return Stream.iterate(1, i -> i + 1).limit(count).map(i -> String.format("%s%04d", prefix, i)).toList();
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        sim.close();
    }
}
