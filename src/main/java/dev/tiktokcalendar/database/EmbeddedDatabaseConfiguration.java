package dev.tiktokcalendar.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The database when none is configured: an embedded MariaDB whose data lives in
 * {@code calendar.embedded-database.data-dir}. A configured {@code spring.datasource.url} always wins.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoConfiguredDatabaseCondition.class)
@ConditionalOnResource(resources = EmbeddedMariaDb.SERVER_BINARY)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

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
