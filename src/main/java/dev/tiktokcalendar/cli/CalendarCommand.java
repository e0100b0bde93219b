package dev.tiktokcalendar.cli;

import java.util.concurrent.Callable;

/**
 * A top-level command of {@code tiktok-calendar}. Adding a command is adding one class: annotate it with
 * picocli's {@code @Command(name = ..., description = ...)}, implement this interface, give it a public
 * no-argument constructor, and put it anywhere under {@code dev.tiktokcalendar}; {@link CalendarCli} finds it.
 * The returned integer is the process exit code.
 */
public interface CalendarCommand extends Callable<Integer> {
}
