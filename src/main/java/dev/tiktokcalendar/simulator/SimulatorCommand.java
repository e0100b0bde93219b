package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.cli.CalendarCommand;
import dev.tiktokcalendar.simulator.http.Json;
import dev.tiktokcalendar.simulator.oauth.IssuedTokens;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.simulator.world.WorldFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;

/**
 * {@code simulator}: runs the TikTok API simulator in the foreground until Ctrl-C, optionally writing
 * pre-issued tokens for every creator so that a calendar can be seeded without a browser.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run the local TikTok API simulator (OAuth, Content Posting, Display API) until stopped.")
public class SimulatorCommand implements CalendarCommand {

    @Option(names = "--port", defaultValue = "8089", description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--world", description = "World file (YAML, see src/main/java/dev/tiktokcalendar/simulator/README.md). Default: the demo world.")
    Path world;

    @Option(names = "--write-tokens", paramLabel = "FILE",
            description = "Write pre-issued access/refresh tokens (all scopes) of every creator to FILE as JSON.")
    Path tokensFile;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bindAddress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TikTokSimulator simulator = start(spec.commandLine().getOut());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "tiktok-simulator-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts the simulator, writes the tokens file if asked, and says where everything is. */
    TikTokSimulator start(PrintWriter out) throws IOException {
        World loaded = world == null ? WorldFiles.demo() : WorldFiles.load(world);
        TikTokSimulator simulator = TikTokSimulator.builder().world(loaded).port(port)
                .bindAddress(InetAddress.getByName(bindAddress)).start();
        out.println("TikTok API simulator at " + simulator.baseUrl() + " — posts go to the simulator, not to TikTok.");
        out.println("  tiktok.api-base-url = tiktok.auth-base-url = " + simulator.baseUrl());
        out.println("  tiktok.client-key = " + loaded.app().clientKey() + " (the client secret is in the world file)");
        out.println("  creators: " + String.join(", ", loaded.creators().stream().map(WorldCreator::username).toList()));
        if (tokensFile != null) {
            writeTokens(simulator, loaded);
            out.println("  pre-issued tokens written to " + tokensFile.toAbsolutePath());
        }
        out.flush();
        return simulator;
    }

    private void writeTokens(TikTokSimulator simulator, World loaded) throws IOException {
        ObjectNode root = Json.object();
        root.put("api_base_url", simulator.baseUrl());
        root.put("client_key", loaded.app().clientKey());
        ArrayNode creators = root.putArray("creators");
        for (WorldCreator creator : loaded.creators()) {
            IssuedTokens tokens = simulator.issueTokens(creator.username());
            ObjectNode entry = Json.MAPPER.valueToTree(tokens);
            entry.put("username", creator.username());
            creators.add(entry);
        }
        Files.deleteIfExists(tokensFile);
        Path file = Files.createFile(tokensFile);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
