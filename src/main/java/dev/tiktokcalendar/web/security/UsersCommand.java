package dev.tiktokcalendar.web.security;

import dev.tiktokcalendar.accounts.Accounts;
import dev.tiktokcalendar.cli.CalendarCommand;
import dev.tiktokcalendar.cli.CommandContext;
import dev.tiktokcalendar.cli.ContextSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/** {@code users list|add|grant}: console users and their roles per workspace. */
@Command(name = "users", description = "Console users: list them, add one (with a one-time password), grant a role.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Grant.class})
public class UsersCommand implements CalendarCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** Gives {@code username} the role in the workspace; exit code 1 when either does not exist. */
    static int grant(CommandContext context, String username, String workspace, String role, PrintWriter out, PrintWriter err) {
        Long id = context.bean(ConsoleUsers.class).idOf(username).orElse(null);
        Accounts.Workspace ws = context.bean(Accounts.class).workspace(workspace).orElse(null);
        if (id == null || ws == null) {
            err.println(id == null ? "No user " + username : "No workspace " + workspace);
            return 1;
        }
        Role granted = Role.valueOf(role.toUpperCase(Locale.ROOT));
        context.bean(ConsoleUsers.class).grant(id, ws.id(), granted);
        out.printf("%s is %s of workspace %s%n", username, granted, ws.slug());
        return 0;
    }

    @Command(name = "list", description = "Every user, whether global admin, and their roles per workspace.")
    static class ListUsers extends ContextSubcommand {
        @Override
        protected int run(CommandContext context, PrintWriter out, PrintWriter err) {
            context.bean(ConsoleUsers.class).describeAll().forEach(out::println);
            return 0;
        }
    }

    @Command(name = "add", description = "Add a user with a generated one-time password (printed once).")
    static class Add extends ContextSubcommand {

        @Parameters(index = "0", description = "user name")
        String username;

        @Option(names = "--workspace", description = "workspace slug to give a role in")
        String workspace;

        @Option(names = "--role", defaultValue = "viewer", description = "viewer, editor or admin (with --workspace)")
        String role;

        @Option(names = "--global-admin", description = "administrator of every workspace")
        boolean globalAdmin;

        @Override
        protected int run(CommandContext context, PrintWriter out, PrintWriter err) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            context.bean(ConsoleUsers.class).create(username, password, globalAdmin, true);
            out.printf("User %s added; one-time password: %s (a new one is asked for at the first login)%n", username, password);
            return workspace == null ? 0 : grant(context, username, workspace, role, out, err);
        }
    }

    @Command(name = "grant", description = "Give a user a role in a workspace (replaces the role they had there).")
    static class Grant extends ContextSubcommand {

        @Parameters(index = "0", description = "user name")
        String username;

        @Option(names = "--workspace", required = true)
        String workspace;

        @Option(names = "--role", required = true, description = "viewer, editor or admin")
        String role;

        @Override
        protected int run(CommandContext context, PrintWriter out, PrintWriter err) {
            return grant(context, username, workspace, role, out, err);
        }
    }
}
