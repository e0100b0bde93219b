package dev.tiktokcalendar.database;

import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A configured URL wins: the application uses it and starts no embedded server. */
@SpringBootTest
class ConfiguredDatabaseTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usesTheConfiguredDatabaseAndNoEmbeddedServer() {
        assertThat(context.getBeansOfType(EmbeddedMariaDb.class)).isEmpty();
        String schema = jdbc.sql("SELECT DATABASE()").query(String.class).single();
        assertThat(TestDatabase.sharedSchemaUrl()).contains("/" + schema);
    }

    @Test
    void theTestServerFollowsTheChooserRules() {
        String testDbUrl = System.getenv("TEST_DB_URL");
        if (testDbUrl != null && !testDbUrl.isBlank()) {
            assertThat(TestDatabase.description()).startsWith("TEST_DB_URL");
        } else {
            assertThat(TestDatabase.description()).matches("(Testcontainers mysql:8.4|embedded MariaDB.*)");
        }
    }

    @Test
    void theLogNeverShowsTheQueryStringOfTheUrl() {
        assertThat(ConfiguredDatabaseLogger.withoutQuery("jdbc:mysql://db:3306/calendar?password=secret"))
                .isEqualTo("jdbc:mysql://db:3306/calendar");
    }
}
