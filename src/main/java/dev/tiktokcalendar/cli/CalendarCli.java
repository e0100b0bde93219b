package dev.tiktokcalendar.cli;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/**
 * Dispatches {@code tiktok-calendar <command> [args]} to the {@link CalendarCommand} classes found on the
 * class path. No command means {@code run}; {@code help} lists the commands; an unknown command prints the
 * usage and exits 2.
 */
@Command(name = "tiktok-calendar", mixinStandardHelpOptions = true, version = "tiktok-calendar 0.1.0",
        description = "Publishes content calendars to TikTok through the Content Posting API v2.",
        subcommands = CommandLine.HelpCommand.class)
public final class CalendarCli {

    static final String DEFAULT_COMMAND = "run";
    private static final String COMMAND_PACKAGE = "dev.tiktokcalendar";

    private CalendarCli() {
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CalendarCli::usageError);
        String[] effectiveArgs = args.length == 0 ? new String[] {DEFAULT_COMMAND} : args;
        return commandLine.execute(effectiveArgs);
    }

    /** A usage error names what was wrong, suggests near misses, prints the usage and exits 2. */
    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        failed.usage(err);
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CalendarCli());
        for (CalendarCommand command : discoverCommands()) {
            commandLine.addSubcommand(new CommandLine(command));
        }
        return commandLine;
    }

    static List<CalendarCommand> discoverCommands() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CalendarCommand.class));
        return scanner.findCandidateComponents(COMMAND_PACKAGE).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(name, CalendarCli.class.getClassLoader()))
                .filter(type -> type.isAnnotationPresent(Command.class))
                .sorted(Comparator.comparing(type -> type.getAnnotation(Command.class).name()))
                .map(type -> (CalendarCommand) BeanUtils.instantiateClass(type))
                .toList();
    }
}
