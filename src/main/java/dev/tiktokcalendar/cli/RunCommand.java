package dev.tiktokcalendar.cli;

import dev.tiktokcalendar.TiktokCalendarApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the scheduler, every enabled job and the web server, until Ctrl-C (the default command). */
@Command(name = "run", description = "Run the scheduler, the enabled jobs and the web server until stopped (default).")
public class RunCommand implements CalendarCommand {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(TiktokCalendarApplication.class,
                springArguments.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }
}
