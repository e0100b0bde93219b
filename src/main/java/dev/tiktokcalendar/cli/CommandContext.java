package dev.tiktokcalendar.cli;

import dev.tiktokcalendar.TiktokCalendarApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/**
 * The application context of a one-shot command: the whole application (database, migrations, jobs) without
 * the web server and without starting the Quartz scheduler, so a command never fires the cluster's schedules.
 * Close it when the command is done.
 */
public final class CommandContext {

    private CommandContext() {
    }

    /** @param springArguments {@code --property=value} arguments passed on to Spring Boot */
    public static ConfigurableApplicationContext start(List<String> springArguments) {
        return new SpringApplicationBuilder(TiktokCalendarApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.quartz.auto-startup=false")
                .run(springArguments.toArray(String[]::new));
    }
}
