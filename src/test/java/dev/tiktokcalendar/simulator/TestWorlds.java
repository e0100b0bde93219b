package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;

import java.time.Duration;
import java.util.List;

/** The creators most tests use: one of each kind the contract distinguishes. */
final class TestWorlds {

    static final String PUBLIC = "alice";
    static final String PRIVATE = "bob";
    static final String NO_REMIX = "carol";
    static final String BANNED = "dave";
    static final String CAPPED = "erin";

    private TestWorlds() {
    }

    static World standard() {
        return standard(defaultSettings().build());
    }

    static World standard(SimulatorSettings settings) {
        return new World(WorldApp.defaults().withVerifiedUrlPrefixes(List.of("https://media.example.com/videos/")),
                List.of(WorldCreator.named(PUBLIC),
                        WorldCreator.named(PRIVATE).asPrivate(),
                        WorldCreator.named(NO_REMIX).withInteractionsDisabled(true, true, true).withMaxVideoPostDurationSec(60),
                        WorldCreator.named(BANNED).asBanned(),
                        WorldCreator.named(CAPPED).withDailyPostCap(2)),
                settings);
    }

    static dev.tiktokcalendar.simulator.world.SimulatorSettingsBuilder defaultSettings() {
        return SimulatorSettings.builder()
                .processingDelay(Duration.ofSeconds(3))
                .downloadDelay(Duration.ofSeconds(2))
                .moderationDelay(Duration.ofSeconds(20));
    }

    static TikTokSimulator start(World world, MutableClock clock) {
        return TikTokSimulator.builder().world(world).clock(clock).start();
    }
}
