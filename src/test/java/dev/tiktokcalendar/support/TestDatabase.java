package dev.tiktokcalendar.support;

import dev.tiktokcalendar.database.EmbeddedMariaDb;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The MySQL-family server of a test run, chosen once per JVM (architecture §3):
 * <ol>
 *   <li>{@code TEST_DB_URL} (with {@code TEST_DB_USERNAME}, {@code TEST_DB_PASSWORD}; default root and empty);</li>
 *   <li>else Testcontainers {@code mysql:8.4} when a Docker engine answers;</li>
 *   <li>else an embedded MariaDB in a temporary directory.</li>
 * </ol>
 * If none can be had the test fails; it never skips. Every caller of {@link #newSchema(String)} gets a fresh,
 * empty schema on that server, dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    private static Server server;
    private static int schemaCounter;
    private static String sharedSchemaUrl;
    private static final List<String> createdSchemas = new ArrayList<>();

    private TestDatabase() {
    }

    /** The schema shared by the Spring test contexts of this run (migrated by Flyway at first use). */
    public static synchronized String sharedSchemaUrl() {
        if (sharedSchemaUrl == null) {
            sharedSchemaUrl = newSchema("shared");
        }
        return sharedSchemaUrl;
    }

    /** Creates an empty schema for {@code purpose} and returns its JDBC URL. */
    public static synchronized String newSchema(String purpose) {
        Server current = server();
        String schema = "tc_" + RUN_ID + "_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_" + (++schemaCounter);
        current.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        createdSchemas.add(schema);
        return current.urlOf(schema);
    }

    public static synchronized String username() {
        return server().username();
    }

    public static synchronized String password() {
        return server().password();
    }

    /** Describes the chosen server, for test logs. */
    public static synchronized String description() {
        return server().description();
    }

    private static Server server() {
        if (server == null) {
            server = chooseServer();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas, "test-database-cleanup"));
        }
        return server;
    }

    private static Server chooseServer() {
        String configured = System.getenv("TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            return Server.fromUrl(configured, envOr("TEST_DB_USERNAME", "root"), envOr("TEST_DB_PASSWORD", ""),
                    "TEST_DB_URL " + configured, null);
        }
        if (dockerEngineMayAnswer() && DockerClientFactory.instance().isDockerAvailable()) {
            MySQLContainer container = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
            container.start();
            return Server.fromUrl(container.getJdbcUrl(), "root", "test", "Testcontainers mysql:8.4", container::stop);
        }
        try {
            EmbeddedMariaDb embedded = EmbeddedMariaDb.startThrowaway(Files.createTempDirectory("tiktok-calendar-test-db"), "test");
            return Server.fromUrl(embedded.jdbcUrl(), "root", "", "embedded MariaDB on port " + embedded.port(), embedded::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("No database for the tests: TEST_DB_URL is not set, no Docker engine "
                    + "answers, and the embedded MariaDB did not start. Tests need a database; they never skip.", e);
        }
    }

    /** Asking Testcontainers costs an ERROR log and up to a second; only ask when an engine may exist. */
    private static boolean dockerEngineMayAnswer() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static synchronized void dropSchemas() {
        for (String schema : createdSchemas) {
            try {
                server.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            } catch (RuntimeException ignored) {
                // best effort at JVM exit
            }
        }
        if (server.shutdown() != null) {
            server.shutdown().run();
        }
    }

    private record Server(String baseUrl, String query, String username, String password, String description,
                          Runnable shutdown) {

        static Server fromUrl(String url, String username, String password, String description, Runnable shutdown) {
            String withoutPrefix = url.substring("jdbc:mysql://".length());
            int slash = withoutPrefix.indexOf('/');
            String hostPort = slash < 0 ? withoutPrefix : withoutPrefix.substring(0, slash);
            int question = url.indexOf('?');
            String query = question < 0 ? "" : url.substring(question);
            return new Server("jdbc:mysql://" + hostPort + "/", query, username, password, description, shutdown);
        }

        String urlOf(String schema) {
            return baseUrl + schema + query;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(baseUrl + query, username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("On the test database (" + description + "): " + sql + ": " + e.getMessage(), e);
            }
        }
    }
}
