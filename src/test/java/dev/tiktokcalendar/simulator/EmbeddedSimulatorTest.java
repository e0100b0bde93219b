package dev.tiktokcalendar.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default run without TikTok credentials (issue item 10), on a bare context: the switch, the URLs, the log. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSimulatorTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    private static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "spring.config.location=optional:classpath:/none/")
                .properties(properties).run();
    }

    @Test
    void withoutCredentialsTheClientPointsAtARunningSimulator(CapturedOutput output) throws IOException {
        int port;
        try (ConfigurableApplicationContext context = run()) {
            TikTokSimulator sim = context.getBean(EmbeddedSimulatorEnvironmentPostProcessor.BEAN_NAME, TikTokSimulator.class);
            port = sim.port();
            assertThat(context.getEnvironment().getProperty("tiktok.api-base-url")).isEqualTo(sim.baseUrl());
            assertThat(context.getEnvironment().getProperty("tiktok.auth-base-url")).isEqualTo(sim.baseUrl());
            assertThat(context.getEnvironment().getProperty("tiktok.client-key")).isEqualTo(sim.world().app().clientKey());
            assertThat(context.getEnvironment().getProperty("tiktok.client-secret")).isEqualTo(sim.world().app().clientSecret());
            new Socket("127.0.0.1", port).close();
            assertThat(output).contains("TikTok API: simulator at http://127.0.0.1:" + port
                    + " — posts go to the simulator, not to TikTok");
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("closed with the context")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void configuredCredentialsOrTheSwitchKeepItOff() {
        try (ConfigurableApplicationContext context = run("tiktok.client-key=real-key")) {
            assertThat(context.containsBean(EmbeddedSimulatorEnvironmentPostProcessor.BEAN_NAME)).isFalse();
            assertThat(context.getEnvironment().getProperty("tiktok.api-base-url")).isNull();
        }
        try (ConfigurableApplicationContext context = run("calendar.simulator.embedded=false")) {
            assertThat(context.containsBean(EmbeddedSimulatorEnvironmentPostProcessor.BEAN_NAME)).isFalse();
        }
    }

    @Test
    void severalContextsInOneJvmGetTheirOwnSimulatorCheaply() {
        try (ConfigurableApplicationContext first = run()) {
            long started = System.nanoTime();
            try (ConfigurableApplicationContext second = run()) {
                long secondContextMillis = (System.nanoTime() - started) / 1_000_000;
                assertThat(first.getBean(TikTokSimulator.class).port()).isNotEqualTo(second.getBean(TikTokSimulator.class).port());
                assertThat(secondContextMillis).as("a whole bare context with its simulator (ms)").isLessThan(1000);
            }
            assertThat(first.getBean(TikTokSimulator.class).baseUrl()).as("the first outlives the second")
                    .isEqualTo(first.getEnvironment().getProperty("tiktok.api-base-url"));
        }
    }
}
