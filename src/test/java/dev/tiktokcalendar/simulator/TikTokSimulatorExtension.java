package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.world.World;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Supplier;

/**
 * Starts a {@link TikTokSimulator} in-process on a free 127.0.0.1 port and closes it afterwards.
 * <ul>
 *   <li>{@code @ExtendWith(TikTokSimulatorExtension.class)}: the demo world, one simulator per test class,
 *       injected into test and lifecycle methods that declare a {@code TikTokSimulator} parameter;</li>
 *   <li>{@code @RegisterExtension static TikTokSimulatorExtension sim = TikTokSimulatorExtension.withWorld(world)}
 *       (or {@link #with(Supplier)} for a clock, port…): one per class; as an instance field: one per test.</li>
 * </ul>
 * Point the client at {@code sim.simulator().baseUrl()} for both {@code tiktok.api-base-url} and
 * {@code tiktok.auth-base-url}.
 */
public final class TikTokSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<TikTokSimulator.Builder> builder;
    private TikTokSimulator simulator;
    private boolean perClass;

    public TikTokSimulatorExtension() {
        this(TikTokSimulator::builder);
    }

    private TikTokSimulatorExtension(Supplier<TikTokSimulator.Builder> builder) {
        this.builder = builder;
    }

    public static TikTokSimulatorExtension withWorld(World world) {
        return new TikTokSimulatorExtension(() -> TikTokSimulator.builder().world(world));
    }

    public static TikTokSimulatorExtension with(Supplier<TikTokSimulator.Builder> builder) {
        return new TikTokSimulatorExtension(builder);
    }

    public TikTokSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator starts before the first test");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = builder.get().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = builder.get().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TikTokSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (simulator == null) {
            simulator = builder.get().start();
        }
        return simulator;
    }
}
