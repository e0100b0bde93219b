package dev.tiktokcalendar.tiktok;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tiktokcalendar.support.TestDatabase;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * A fresh schema of the test database, migrated once per JVM and shared by the client's test classes (migrating
 * Batch and Quartz takes seconds), and pooled data sources on it. Tests keep apart by creator names and account ids.
 */
public final class ClientDatabase {

    private static ClientDatabase instance;

    private final String url;

    private ClientDatabase(String url) {
        this.url = url;
    }

    public static synchronized ClientDatabase migrated(String purpose) {
        if (instance == null) {
            instance = migratedNew(purpose);
        }
        return instance;
    }

    private static ClientDatabase migratedNew(String purpose) {
        ClientDatabase database = new ClientDatabase(TestDatabase.newSchema(purpose));
        Flyway.configure().dataSource(database.url, TestDatabase.username(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();
        return database;
    }

    /** A new pool: each "node" of a multi-node test gets its own, as separate processes would. */
    public HikariDataSource newPool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(TestDatabase.username());
        config.setPassword(TestDatabase.password());
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    public DataSource shared() {
        return SharedPools.of(this);
    }

    public String url() {
        return url;
    }

    private static final class SharedPools {
        private static final java.util.Map<String, HikariDataSource> POOLS = new java.util.concurrent.ConcurrentHashMap<>();

        static DataSource of(ClientDatabase database) {
            return POOLS.computeIfAbsent(database.url, u -> database.newPool("client-test", 4));
        }
    }
}
