package dev.tiktokcalendar.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** Where the embedded MariaDB keeps its data when no {@code spring.datasource.url} is configured. */
@ConfigurationProperties("calendar.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") Path dataDir,
        @DefaultValue("calendar") String database) {
}
