package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.cli.CalendarCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorCommandTest {

    @Test
    void startsOnThePortWithTheWorldAndWritesWorkingTokens(@TempDir Path dir) throws Exception {
        Path world = Files.writeString(dir.resolve("world.yml"), """
                app: {client-key: cli-key, client-secret: cli-secret}
                creators: [{username: zoe}, {username: yan, private-account: true}]
                """);
        Path tokens = dir.resolve("tokens.json");
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--world", world.toString(), "--write-tokens", tokens.toString());
        StringWriter out = new StringWriter();

        try (TikTokSimulator sim = command.start(new PrintWriter(out))) {
            assertThat(out.toString()).contains(sim.baseUrl(), "not to TikTok", "cli-key", "zoe, yan")
                    .doesNotContain("cli-secret");
            JsonNode written = SimulatorApi.JSON.readTree(tokens.toFile());
            assertThat(written.path("api_base_url").asString()).isEqualTo(sim.baseUrl());
            assertThat(written.path("creators")).hasSize(2);
            JsonNode zoe = written.path("creators").get(0);
            assertThat(zoe.path("username").asString()).isEqualTo("zoe");
            assertThat(zoe.path("refresh_token").asString()).startsWith("rft.");
            SimulatorApi api = new SimulatorApi(sim);
            assertThat(api.get("/v2/user/info/?fields=open_id", zoe.path("access_token").asString()).code()).isEqualTo("ok");
        }
    }

    @Test
    void theCalendarCliFindsTheCommand() {
        StringWriter out = new StringWriter();

        int exit = dev.tiktokcalendar.cli.CalendarCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "simulator", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--port", "--world", "--write-tokens");
    }

    @Test
    void isACalendarCommandNamedSimulator() {
        assertThat(new SimulatorCommand()).isInstanceOf(CalendarCommand.class);
        assertThat(SimulatorCommand.class.getAnnotation(CommandLine.Command.class).name()).isEqualTo("simulator");
    }
}
