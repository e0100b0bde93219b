package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.world.RateLimitSettings.RateLimitKey;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.ChunkRules;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.WebhookSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldFilesTest {

    private static World read(String yaml) {
        return WorldFiles.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void demoWorldHasPublicPrivateNoRemixCappedAndBannedCreators() {
        World demo = WorldFiles.demo();

        assertThat(demo.creators()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(demo.creators()).anyMatch(c -> !c.privateAccount() && !c.banned());
        assertThat(demo.creators()).anyMatch(c -> c.privateAccount());
        assertThat(demo.creators()).anyMatch(c -> c.duetDisabled() && c.stitchDisabled() && !c.privateAccount());
        assertThat(demo.creators()).anyMatch(c -> c.banned());
        assertThat(demo.app().clientKey()).isNotBlank();
    }

    @Test
    void readsEverySettingWithDefaultsForTheRest() {
        World world = read("""
                app:
                  client-key: k
                  client-secret: s
                  audited: false
                  access-token-lifetime: 2h
                  refresh-token-lifetime: 180d
                  webhook-url: https://calendar.example.com/webhooks/tiktok
                creators:
                  - username: a
                    private-account: true
                    daily-post-cap: 3
                settings:
                  seed: 9
                  time-scale: 60
                  processing-delay: 500ms
                  chunk-rules: STRICT
                  invalid-param-code: invalid_params
                  rate-limits:
                    key: TOKEN
                    display-key: APP
                    init: 2
                    cancel: 5
                  webhooks:
                    duplicate-delivery: true
                  faults:
                    STATUS_FETCH:
                      probabilities: {HTTP_500: 0.1, DROP_CONNECTION: 0.05}
                      slow-by: 3s
                """);

        assertThat(world.app().audited()).isFalse();
        assertThat(world.app().activeUserCap()).isEqualTo(5);
        assertThat(world.app().accessTokenLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(world.app().refreshTokenLifetime()).isEqualTo(Duration.ofDays(180));
        assertThat(world.creators().get(0).duetDisabled()).isTrue();
        assertThat(world.creators().get(0).dailyPostCap()).isEqualTo(3);
        assertThat(world.creators().get(0).pendingInboxCap()).isEqualTo(5);
        assertThat(world.settings().timeScale()).isEqualTo(60);
        assertThat(world.settings().processingDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(world.settings().chunkRules()).isEqualTo(ChunkRules.STRICT);
        assertThat(world.settings().rateLimits().key()).isEqualTo(RateLimitKey.TOKEN);
        assertThat(world.settings().rateLimits().init()).isEqualTo(2);
        assertThat(world.settings().rateLimits().statusFetch()).isEqualTo(30);
        assertThat(world.settings().rateLimits().displayKey()).isEqualTo(RateLimitKey.APP);
        assertThat(world.settings().rateLimits().cancel()).isEqualTo(5);
        assertThat(world.settings().rateLimits().oauth()).isNull();
        assertThat(world.settings().webhooks().duplicateDelivery()).isTrue();
        assertThat(world.settings().faults().get(Endpoint.STATUS_FETCH).probabilities())
                .containsEntry(FaultKind.HTTP_500, 0.1).containsEntry(FaultKind.DROP_CONNECTION, 0.05);
    }

    @Test
    void theReadmeWorldFileParsesAndNamesEverySetting() throws IOException {
        String readme = Files.readString(Path.of("src/main/java/dev/tiktokcalendar/simulator/README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf("## World files")) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("\n```", start));

        World world = read(yaml);
        JsonNode tree = YAMLMapper.builder().build().readTree(yaml);

        assertThat(world.settings().rateLimits().init()).isEqualTo(6);
        assertThat(keys(tree.path("app"))).containsAll(kebabComponents(WorldApp.class));
        assertThat(keys(tree.path("settings"))).containsAll(kebabComponents(SimulatorSettings.class));
        assertThat(keys(tree.path("settings").path("rate-limits"))).containsAll(kebabComponents(RateLimitSettings.class));
        assertThat(keys(tree.path("settings").path("webhooks"))).containsAll(kebabComponents(WebhookSettings.class));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }

    private static List<String> kebabComponents(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName().replaceAll("([A-Z]|(?<=[a-z])[0-9]+)", "-$1").toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @Test
    void unknownKeysAndDuplicateCreatorsAreErrors() {
        assertThatThrownBy(() -> read("settings:\n  procesing-delay: 1s\n")).hasMessageContaining("procesing-delay");
        assertThatThrownBy(() -> read("creators:\n  - username: a\n  - username: a\n")).hasMessageContaining("unique");
        assertThatThrownBy(() -> read("settings:\n  rate-limits:\n    key: APP\n")).hasMessageContaining("display-key");
    }
}
