package dev.tiktokcalendar.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A subcommand that does its work in a one-shot {@link CommandContext}; options it does not know (such as
 * {@code --spring.datasource.url=…}) are passed to Spring.
 */
public abstract class ContextSubcommand implements Callable<Integer> {

    @Unmatched
    protected List<String> springArguments = new ArrayList<>();

    @Spec
    protected CommandSpec spec;

    @Override
    public Integer call() {
        try (CommandContext context = CommandContext.start(springArguments.toArray(String[]::new))) {
            return run(context, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** The exit code. */
    protected abstract int run(CommandContext context, PrintWriter out, PrintWriter err);
}
