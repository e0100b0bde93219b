package dev.tiktokcalendar.simulator.world;

import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads world files: YAML, kebab-case keys, durations as {@code 500ms}, {@code 30s}, {@code 24h} or ISO-8601.
 * Unknown keys are errors, so a typo never silently falls back to a default. The format is documented in
 * the package README ({@code src/main/java/dev/tiktokcalendar/simulator/README.md}); {@code classpath:simulator/demo-world.yml} is the demo world.
 */
public final class WorldFiles {

    public static final String DEMO_WORLD = "simulator/demo-world.yml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("simulator-durations").addDeserializer(Duration.class, new DurationText()))
            .build();

    private WorldFiles() {
    }

    public static World load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world file " + file, e);
        }
    }

    public static World demo() {
        try (InputStream in = WorldFiles.class.getClassLoader().getResourceAsStream(DEMO_WORLD)) {
            if (in == null) {
                throw new IllegalStateException("demo world missing from the class path: " + DEMO_WORLD);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static World read(InputStream in) {
        return MAPPER.readValue(in, World.class);
    }

    private static final class DurationText extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.getValueAsString();
            return text == null ? null : DurationStyle.detectAndParse(text.trim());
        }
    }
}
