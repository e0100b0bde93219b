package dev.tiktokcalendar.cli;

import dev.tiktokcalendar.TiktokCalendarApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The application as a one-shot command sees it: same configuration and database as {@code run}, but no web
 * server and no scheduler, and only warnings in the log so the command's own output stays readable.
 */
public final class CommandContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private CommandContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the context; {@code extraArguments} are Spring arguments such as {@code --calendar.x=y}. */
    public static CommandContext start(String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                // no scheduler at all: Quartz registers its data source JVM-wide under the scheduler's name
                "--spring.autoconfigure.exclude=org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
                "--calendar.scheduling.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.dev.tiktokcalendar=WARN"));
        arguments.addAll(List.of(extraArguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TiktokCalendarApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
        return new CommandContext(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
