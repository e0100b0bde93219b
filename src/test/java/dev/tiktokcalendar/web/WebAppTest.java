package dev.tiktokcalendar.web;

import dev.tiktokcalendar.accounts.AccountConnector;
import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.tiktok.auth.Secret;
import dev.tiktokcalendar.tiktok.auth.TokenGrant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The application on a random port, on the shared test schema, talking to one simulator per JVM (started once,
 * so every test class reuses the same Spring context). The world has creators {@code c0 … c39} (public accounts)
 * for tests to connect; each test uses its own creators and its own workspaces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "calendar.simulator.embedded=false",
        "tiktok.environment=simulator",
        "tiktok.pkce=true",
        "calendar.encryption-key=" + WebAppTest.KEY,
        "calendar.encryption-key-file=",
        "tiktok.retry.initial-backoff=10ms",
        "tiktok.retry.max-backoff=40ms",
        "calendar.scheduling.enabled=false"})
public abstract class WebAppTest extends DatabaseTest {

    public static final String KEY = "3q2+7wAAAAAiVEhJUyBJUyBBIFRFU1QgS0VZIQAAAAA=";
    public static final TikTokSimulator SIM = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
            IntStream.range(0, 40).mapToObj(i -> WorldCreator.named("c" + i)).toList(),
            SimulatorSettings.builder().build())).start();
    public static final Path MEDIA_ROOT = tempDirectory();

    @DynamicPropertySource
    static void tiktok(DynamicPropertyRegistry registry) {
        registry.add("tiktok.api-base-url", SIM::baseUrl);
        registry.add("tiktok.auth-base-url", SIM::baseUrl);
        registry.add("tiktok.client-key", () -> SIM.world().app().clientKey());
        registry.add("tiktok.client-secret", () -> SIM.world().app().clientSecret());
        registry.add("calendar.import.media-root", MEDIA_ROOT::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected AccountConnector connector;

    @Autowired
    protected dev.tiktokcalendar.web.security.ConsoleUsers users;

    /** A new user with {@code role} in {@code workspace} (null: none), logged in through the login form. */
    protected Browser loggedIn(Accounts.Workspace workspace, dev.tiktokcalendar.web.security.Role role) {
        String name = unique("user");
        long id = users.create(name, "password-" + name, false);
        if (workspace != null) {
            users.grant(id, workspace.id(), role);
        }
        return new Browser(baseUrl()).login(name, "password-" + name);
    }

    protected CalendarFixtures fixtures() {
        return new CalendarFixtures(jdbc);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new workspace with a unique slug. */
    protected Accounts.Workspace newWorkspace() {
        return accounts.workspaceCreatedIfMissing(unique("ws"), Instant.now());
    }

    /** Connects the simulator creator into {@code workspace} with freshly issued tokens (all scopes). */
    protected long connect(Accounts.Workspace workspace, String creator) {
        IssuedTokens issued = SIM.issueTokens(creator);
        AccountConnector.Outcome outcome = connector.connect(workspace, grant(issued, Instant.now().plusSeconds(issued.expiresIn())), null, null);
        return ((AccountConnector.Connected) outcome).account().id();
    }

    protected static TokenGrant grant(IssuedTokens issued, Instant accessExpiresAt) {
        return new TokenGrant(issued.openId(), Secret.of(issued.accessToken()), accessExpiresAt,
                Secret.of(issued.refreshToken()), Instant.now().plusSeconds(issued.refreshExpiresIn()), issued.scope());
    }

    /** Every value of every row of every table of the schema, as text (binary columns as UTF-8 too). */
    protected String databaseDump() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .query(String.class).list();
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM `" + table + "`").query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    byte[] bytes = rs.getBytes(c);
                    dump.append(bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).append('\t');
                }
                dump.append('\n');
            });
        }
        return dump.toString();
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("tc-media-root");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
