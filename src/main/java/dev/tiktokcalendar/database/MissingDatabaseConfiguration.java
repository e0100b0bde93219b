package dev.tiktokcalendar.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import javax.sql.DataSource;

/** A build without the embedded MariaDB (the production image) refuses to start without a configured database. */
@Configuration(proxyBeanMethods = false)
@Conditional({NoConfiguredDatabaseCondition.class, MissingDatabaseConfiguration.EmbeddedServerMissing.class})
public class MissingDatabaseConfiguration {

    @Bean
    DataSource dataSource() {
        throw new IllegalStateException("No database configured. Set SPRING_DATASOURCE_URL (with "
                + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to a MySQL 8 or MariaDB database; "
                + "this build does not include the embedded MariaDB.");
    }

    static class EmbeddedServerMissing implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getResourceLoader().getResource(EmbeddedMariaDb.SERVER_BINARY).exists();
        }
    }
}
