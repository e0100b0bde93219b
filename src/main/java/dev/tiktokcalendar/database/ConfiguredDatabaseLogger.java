package dev.tiktokcalendar.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Says in the log which configured database the application uses (the embedded one logs itself). */
@Component
class ConfiguredDatabaseLogger {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredDatabaseLogger.class);

    private final Environment environment;

    ConfiguredDatabaseLogger(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logDatabase() {
        String url = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            log.info("Database: {} (configured by spring.datasource.url / SPRING_DATASOURCE_URL)", withoutQuery(url));
        }
    }

    /** The query string may carry a password; the log never shows it. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
