package dev.tiktokcalendar.cli;

import dev.tiktokcalendar.TiktokCalendarApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application as a one-shot command sees it: same configuration and database as {@code run}, but no web
 * server and no scheduler (no trigger of the cluster fires inside a command), and quiet logs so the command's
 * own output stays readable. Close it when done, best with try-with-resources. Extra Spring arguments
 * ({@code --spring.datasource.url=...}) are passed on.
 */
public final class CommandContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private CommandContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static CommandContext start(List<String> springArguments) {
        return start(springArguments.toArray(String[]::new));
    }

    public static CommandContext start(String... springArguments) {
        SpringApplication application = new SpringApplication(TiktokCalendarApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        // defaults a configuration file may override: only warnings, but say which database is used
        application.setDefaultProperties(Map.of(
                "logging.level.root", "WARN",
                "logging.level.dev.tiktokcalendar.database", "INFO"));
        List<String> arguments = new ArrayList<>(List.of(springArguments));
        // whatever the configuration says: Quartz registers its data source JVM-wide under the scheduler's name
        arguments.add("--spring.autoconfigure.exclude=org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration");
        arguments.add("--calendar.scheduling.enabled=false");
        return new CommandContext(application.run(arguments.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
