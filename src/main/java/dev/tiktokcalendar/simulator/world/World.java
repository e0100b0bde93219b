package dev.tiktokcalendar.simulator.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the simulator pretends exists: the app, its creators, and the behaviour settings. Creators are looked up
 * by username or open_id on every request, so they are indexed by both.
 */
public final class World {

    private final WorldApp app;
    private final List<WorldCreator> creators;
    private final SimulatorSettings settings;
    private final Map<String, WorldCreator> byUsernameOrOpenId = new HashMap<>();

    @JsonCreator
    public World(@JsonProperty("app") WorldApp app, @JsonProperty("creators") List<WorldCreator> creators,
                 @JsonProperty("settings") SimulatorSettings settings) {
        this.app = app == null ? WorldApp.defaults() : app;
        this.creators = creators == null ? List.of() : List.copyOf(creators);
        this.settings = settings == null ? SimulatorSettings.defaults() : settings;
        for (WorldCreator creator : this.creators) {
            if (byUsernameOrOpenId.putIfAbsent(creator.username(), creator) != null) {
                throw new IllegalArgumentException("creator usernames must be unique");
            }
        }
        // should a username equal another creator's open_id, the username wins
        for (WorldCreator creator : this.creators) {
            byUsernameOrOpenId.putIfAbsent(creator.openId(), creator);
        }
    }

    public static World of(WorldCreator... creators) {
        return new World(WorldApp.defaults(), List.of(creators), SimulatorSettings.defaults());
    }

    public WorldApp app() {
        return app;
    }

    public List<WorldCreator> creators() {
        return creators;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public World withApp(WorldApp value) {
        return new World(value, creators, settings);
    }

    public World withSettings(SimulatorSettings value) {
        return new World(app, creators, value);
    }

    public Optional<WorldCreator> creator(String usernameOrOpenId) {
        return usernameOrOpenId == null ? Optional.empty() : Optional.ofNullable(byUsernameOrOpenId.get(usernameOrOpenId));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof World world && app.equals(world.app) && creators.equals(world.creators)
                && settings.equals(world.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(app, creators, settings);
    }

    @Override
    public String toString() {
        return "World[app=" + app + ", creators=" + creators + ", settings=" + settings + "]";
    }
}
