package dev.tiktokcalendar.database;

import dev.tiktokcalendar.support.TestDatabase;
import dev.tiktokcalendar.calendar.DuePostProbe;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations of sql/ on an empty schema of the test server (MariaDB 10.11 on CI), then once more. */
class MigrationTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            TestDatabase.newSchema("migrations"), TestDatabase.username(), TestDatabase.password());

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    @Test
    void allMigrationsApplyToAnEmptySchemaAndASecondRunAppliesNothingAndLosesNothing() {
        MigrateResult first = flyway().migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(flyway().info().all().length);

        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> tables = jdbc.sql("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()")
                .query(String.class).list();
        assertThat(tables).contains("batch_job_execution", "batch_step_execution_context", "qrtz_triggers",
                "qrtz_locks", "workspace", "tiktok_account", "post", "post_media", "post_attempt", "post_event",
                "import_run", "import_row_error");
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES ('acme', 'Acme', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))").update();

        MigrateResult second = flyway().migrate();

        assertThat(second.migrationsExecuted).isZero();
        assertThat(jdbc.sql("SELECT name FROM workspace WHERE slug = 'acme'").query(String.class).single()).isEqualTo("Acme");
    }

    @Test
    void theDueProbeUsesTheStateAndNextAttemptIndex() {
        flyway().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);

        List<String> earliest = jdbc.sql("EXPLAIN " + DuePostProbe.earliestDueSql(2))
                .params("SCHEDULED", "2030-01-01 00:00:00.000", "DEFERRED", "2030-01-01 00:00:00.000")
                .query((rs, row) -> rs.getString("select_type") + ": " + rs.getString("Extra")).list();
        // each state's MIN is answered from one end of ix_post_due's range, never by scanning it
        assertThat(earliest).filteredOn(plan -> !plan.startsWith("PRIMARY")).hasSize(2)
                .allMatch(plan -> plan.endsWith("Select tables optimized away") || plan.endsWith("No matching min/max row"));
    }
}
