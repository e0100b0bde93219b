package dev.tiktokcalendar.simulator.world;

import java.util.List;
import java.util.Optional;

/** Everything the simulator pretends exists: the app, its creators, and the behaviour settings. */
public record World(WorldApp app, List<WorldCreator> creators, SimulatorSettings settings) {

    public World {
        app = app == null ? WorldApp.defaults() : app;
        creators = creators == null ? List.of() : List.copyOf(creators);
        settings = settings == null ? SimulatorSettings.defaults() : settings;
        long distinct = creators.stream().map(WorldCreator::username).distinct().count();
        if (distinct != creators.size()) {
            throw new IllegalArgumentException("creator usernames must be unique");
        }
    }

    public static World of(WorldCreator... creators) {
        return new World(WorldApp.defaults(), List.of(creators), SimulatorSettings.defaults());
    }

    public World withApp(WorldApp value) {
        return new World(value, creators, settings);
    }

    public World withSettings(SimulatorSettings value) {
        return new World(app, creators, value);
    }

    public Optional<WorldCreator> creator(String usernameOrOpenId) {
        return creators.stream()
                .filter(c -> c.username().equals(usernameOrOpenId) || c.openId().equals(usernameOrOpenId))
                .findFirst();
    }
}
