package dev.tiktokcalendar.cli;

import dev.tiktokcalendar.TiktokCalendarApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the application context for a one-shot command: no web server, the Quartz scheduler not started
 * (no job of the cluster fires inside a command), quiet logs. The command closes the context when done,
 * best with try-with-resources. Extra Spring arguments ({@code --spring.datasource.url=...}) are passed on.
 */
public final class CommandContext {

    private CommandContext() {
    }

    public static ConfigurableApplicationContext start(List<String> springArguments) {
        SpringApplication application = new SpringApplication(TiktokCalendarApplication.class);
        // defaults a configuration file may override
        application.setDefaultProperties(Map.of(
                "logging.level.root", "WARN",
                "logging.level.dev.tiktokcalendar.database", "INFO"));
        List<String> arguments = new ArrayList<>(springArguments);
        // these hold whatever the configuration says: a command never serves HTTP nor fires the cluster's triggers
        arguments.add("--spring.main.web-application-type=none");
        arguments.add("--spring.quartz.auto-startup=false");
        return application.run(arguments.toArray(String[]::new));
    }
}
