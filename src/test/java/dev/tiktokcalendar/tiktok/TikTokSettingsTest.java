package dev.tiktokcalendar.tiktok;

import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.tiktok.auth.TokenCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application binds config/application.yml's tiktok block and wires the client without any secret set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"tiktok.rate-limits.init.count=5", "tiktok.client-key=test-key",
        // no key and no key file: the default run would generate ./data/encryption-key (accounts feature)
        "calendar.encryption-key-file="})
class TikTokSettingsTest extends DatabaseTest {

    @Autowired
    TikTokProperties settings;
    @Autowired
    TikTokClient client;
    @Autowired
    TokenCipher cipher;

    @Test
    void bindsTheDefaultsAndOverrides() {
        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("https://open.tiktokapis.com"));
        assertThat(settings.authBaseUrl()).isEqualTo(URI.create("https://www.tiktok.com"));
        assertThat(settings.rateLimits().init().count()).isEqualTo(5);
        assertThat(settings.rateLimits().status().count()).isEqualTo(30);
        assertThat(settings.rateLimits().display().window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.rateLimits().margin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.retry().chunkAttempts()).isEqualTo(4);
        assertThat(settings.tokens().refreshAhead()).isEqualTo(Duration.ofMinutes(30));
        assertThat(client).isNotNull();
        assertThatThrownBy(cipher::keyId).hasMessageContaining("calendar.encryption-key");
    }
}
