package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.world.WorldFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pattern the README gives the API client's tests. {@code @DynamicPropertySource} values arrive after the
 * environment post-processors ran, so the embedded simulator is switched off through {@code properties}.
 */
@SpringBootTest(classes = SpringTestPatternTest.NoBeans.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "calendar.simulator.embedded=false")
class SpringTestPatternTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @RegisterExtension
    static TikTokSimulatorExtension sim = TikTokSimulatorExtension.withWorld(WorldFiles.demo());

    @DynamicPropertySource
    static void tiktok(DynamicPropertyRegistry registry) {
        registry.add("tiktok.api-base-url", () -> sim.simulator().baseUrl());
        registry.add("tiktok.auth-base-url", () -> sim.simulator().baseUrl());
        registry.add("tiktok.client-key", () -> sim.simulator().world().app().clientKey());
        registry.add("tiktok.client-secret", () -> sim.simulator().world().app().clientSecret());
    }

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void theClientPropertiesPointAtTheExtensionsSimulatorAndNoEmbeddedOneStarts() {
        assertThat(environment.getProperty("tiktok.api-base-url")).isEqualTo(sim.simulator().baseUrl());
        assertThat(environment.getProperty("tiktok.auth-base-url")).isEqualTo(sim.simulator().baseUrl());
        assertThat(context.containsBean(EmbeddedSimulatorEnvironmentPostProcessor.BEAN_NAME)).isFalse();
    }
}
