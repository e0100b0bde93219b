package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.cli.CalendarCommand;
import dev.tiktokcalendar.cli.CommandContext;
import dev.tiktokcalendar.cli.ContextSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** {@code posts show <id>}: a post's state and its whole history, transitions and API calls. */
@Command(name = "posts", description = "Inspect posts.", subcommands = PostsCommand.Show.class)
public class PostsCommand implements CalendarCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "show", description = "Print a post's state and history (states and API calls).")
    static class Show extends ContextSubcommand {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

        @Parameters(index = "0", description = "post id")
        long postId;

        @Override
        protected int run(CommandContext context, PrintWriter out, PrintWriter err) {
            Optional<PostSummary> summary = context.bean(PostQueries.class).summary(postId);
            if (summary.isEmpty()) {
                err.println("No post with id " + postId);
                return 1;
            }
            print(out, summary.get(), context.bean(PostHistory.class).of(postId));
            return 0;
        }

        static void print(PrintWriter out, PostSummary post, List<PostHistory.PostEvent> history) {
            ZoneId zone = ZoneId.of(post.publishZone());
            out.printf("Post %d  %s %s for @%s (workspace %s)%n", post.id(), post.mode(), post.type(), post.account(), post.workspace());
            out.printf("  due        %s %s (%s UTC)%n", TIME.format(post.publishAt().atZone(zone)), zone,
                    TIME.format(post.publishAt().atZone(ZoneId.of("UTC"))));
            out.printf("  state      %s%s%n", post.state(), post.stateReason() == null ? "" : " - " + post.stateReason());
            out.printf("  attempts   %d%n", post.attempt());
            if (post.publishId() != null) {
                out.printf("  publish_id %s%n", post.publishId());
            }
            if (post.tiktokUrl() != null) {
                out.printf("  url        %s%n", post.tiktokUrl());
            }
            if (post.failCode() != null) {
                out.printf("  failure    %s: %s (log_id %s)%n", post.failCode(), post.failMessage(), post.failLogId());
            }
            if (post.userAction() != null) {
                out.printf("  action     %s%n", post.userAction());
            }
            out.println("History (UTC):");
            for (PostHistory.PostEvent event : history) {
                String when = TIME.format(event.occurredAt().atZone(ZoneId.of("UTC")));
                if ("TRANSITION".equals(event.kind())) {
                    out.printf("  %s  %-22s -> %-22s %s [%s]%n", when, event.fromState(), event.toState(),
                            event.reason() == null ? "" : event.reason(), event.node());
                } else {
                    out.printf("  %s  API %-30s HTTP %s %s log_id=%s %d ms%n", when, event.endpoint(),
                            event.httpStatus(), event.tiktokCode(), event.logId(), event.durationMs());
                }
            }
        }
    }
}
