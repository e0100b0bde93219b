package dev.tiktokcalendar;

import dev.tiktokcalendar.cli.CalendarCli;

import java.util.TimeZone;

/** Entry point of {@code java -jar tiktok-calendar.jar <command>}; with no command it runs the scheduler. */
public final class TiktokCalendar {

    private TiktokCalendar() {
    }

    public static void main(String[] args) {
        // Batch and Quartz stamp local times; one zone on every node keeps the repository comparable.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        int exitCode = CalendarCli.execute(args);
        // A clean finish returns normally: calling System.exit while Ctrl-C's shutdown hooks run would hang.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
