package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.auth.AesGcmTokenCipher;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tiktok.environment} and the generated key file of the default run, without a Spring context. */
class ModeAndKeyFileTest {

    @Test
    void theModeFollowsTheSettingsAndRefusesSandboxOrProductionWithoutCredentials() {
        TikTokProperties none = TikTokProperties.forBaseUrl("https://open.tiktokapis.com", "", "");
        TikTokProperties app = TikTokProperties.forBaseUrl("https://open.tiktokapis.com", "awkey", "secret");

        assertThat(new TikTokMode("", none).environment()).isEqualTo(TikTokMode.Environment.SIMULATOR);
        assertThat(new TikTokMode("", app).environment()).isEqualTo(TikTokMode.Environment.PRODUCTION);
        assertThat(new TikTokMode("Sandbox", app).label()).isEqualTo("sandbox");
        assertThat(new TikTokMode("simulator", app).label()).isEqualTo("simulator");
        assertThatThrownBy(() -> new TikTokMode("production", none)).hasMessageContaining("tiktok.client-key");
        assertThatThrownBy(() -> new TikTokMode("sandbox", none)).hasMessageContaining("TIKTOK_CLIENT_SECRET");
        assertThatThrownBy(() -> new TikTokMode("staging", app)).hasMessageContaining("simulator, sandbox or production");
    }

    @Test
    void theDefaultRunGeneratesAKeyFileOnceSaysWhereAndNeverWhat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/encryption-key");
        List<String> logged = new ArrayList<>();
        EncryptionKeyEnvironmentPostProcessor processor = new EncryptionKeyEnvironmentPostProcessor(supplier -> recording(logged));

        StandardEnvironment first = environment(Map.of("calendar.encryption-key-file", file.toString()));
        processor.postProcessEnvironment(first, new SpringApplication());
        String key = first.getProperty("calendar.encryption-key");

        assertThat(AesGcmTokenCipher.fromBase64(key).keyId()).hasSize(16);
        assertThat(Files.readString(file).trim()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(String.join("\n", logged)).contains("generated into " + file).doesNotContain(key);

        StandardEnvironment second = environment(Map.of("calendar.encryption-key-file", file.toString()));
        processor.postProcessEnvironment(second, new SpringApplication());
        assertThat(second.getProperty("calendar.encryption-key")).as("the same key at the next start").isEqualTo(key);

        StandardEnvironment configured = environment(Map.of("calendar.encryption-key", "configured",
                "calendar.encryption-key-file", dir.resolve("other").toString()));
        processor.postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty("calendar.encryption-key")).isEqualTo("configured");
        assertThat(dir.resolve("other")).doesNotExist();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private static Log recording(List<String> lines) {
        return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
            if (method.getName().startsWith("is")) {
                return true;
            }
            if (args != null && args.length > 0) {
                lines.add(String.valueOf(args[0]));
            }
            return null;
        });
    }
}
