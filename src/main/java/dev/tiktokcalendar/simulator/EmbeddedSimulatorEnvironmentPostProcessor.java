package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldFiles;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.Map;

/**
 * The default run without TikTok credentials: when {@code tiktok.client-key} is empty and
 * {@code calendar.simulator.embedded} is not {@code false}, starts a simulator (the demo world, or the world
 * file in {@code calendar.simulator.world}) on a free loopback port before any bean exists, and points
 * {@code tiktok.api-base-url}, {@code tiktok.auth-base-url}, {@code tiktok.client-key} and
 * {@code tiktok.client-secret} at it, with {@code tiktok.environment=simulator}. An explicit
 * {@code tiktok.environment} of {@code sandbox} or {@code production} never starts it. The simulator becomes the singleton bean {@code tiktokSimulator} of that
 * application's context and closes with it (or when the start fails), so several contexts in one JVM each get
 * their own. Registered in {@code META-INF/spring.factories}; deliberately not a component, so scanning
 * {@code dev.tiktokcalendar} never starts a simulator by accident.
 */
public class EmbeddedSimulatorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED_PROPERTY = "calendar.simulator.embedded";
    public static final String WORLD_PROPERTY = "calendar.simulator.world";
    public static final String BEAN_NAME = "tiktokSimulator";

    private final Log log;

    public EmbeddedSimulatorEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedSimulatorEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // after the config files are read, so that application.yml and profiles can set the credentials
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String mode = environment.getProperty("tiktok.environment", "");
        if (StringUtils.hasText(environment.getProperty("tiktok.client-key"))
                || !environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)
                || "sandbox".equalsIgnoreCase(mode) || "production".equalsIgnoreCase(mode)) {
            return;
        }
        String worldFile = environment.getProperty(WORLD_PROPERTY);
        World world = StringUtils.hasText(worldFile) ? WorldFiles.load(Path.of(worldFile)) : WorldFiles.demo();
        TikTokSimulator simulator = TikTokSimulator.start(world);
        environment.getPropertySources().addFirst(new MapPropertySource("tiktokSimulator", Map.of(
                "tiktok.api-base-url", simulator.baseUrl(),
                "tiktok.auth-base-url", simulator.baseUrl(),
                "tiktok.client-key", world.app().clientKey(),
                "tiktok.client-secret", world.app().clientSecret(),
                "tiktok.environment", "simulator")));
        application.addListeners(new SimulatorLifecycle(simulator));
        log.info("TikTok API: simulator at " + simulator.baseUrl()
                + " — posts go to the simulator, not to TikTok (no tiktok.client-key configured; "
                + ENABLED_PROPERTY + "=false turns this off)");
    }

    /** Hands the simulator to the context as a bean that is closed with it; closes it if the start fails. */
    private record SimulatorLifecycle(TikTokSimulator simulator) implements ApplicationListener<ApplicationEvent> {

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof ApplicationPreparedEvent prepared) {
                ConfigurableListableBeanFactory beanFactory = prepared.getApplicationContext().getBeanFactory();
                beanFactory.registerSingleton(BEAN_NAME, simulator);
                if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
                    registry.registerDisposableBean(BEAN_NAME, simulator::close);
                } else {
                    prepared.getApplicationContext().addApplicationListener(closed -> {
                        if (closed instanceof ContextClosedEvent) {
                            simulator.close();
                        }
                    });
                }
            } else if (event instanceof ApplicationFailedEvent) {
                simulator.close();
            }
        }
    }
}
