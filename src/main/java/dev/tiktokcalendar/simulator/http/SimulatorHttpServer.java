package dev.tiktokcalendar.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultInjector;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.inspect.RequestLog;
import dev.tiktokcalendar.simulator.inspect.RequestRecord;
import dev.tiktokcalendar.simulator.world.SimClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP front of the simulator on the JDK's HTTP server: routes each exact path to its {@link Handler},
 * applies the injected fault, turns failures into the contract's response shapes, and logs every request.
 * Requests run on a fixed worker pool so that a slow answer never blocks the accepting thread.
 */
public final class SimulatorHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorHttpServer.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs every
        // answer then waits ~40 ms. Read once by the JDK, so it must be set before any HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<Endpoint, Handler> handlers = new EnumMap<>(Endpoint.class);
    private final FaultInjector faults;
    private final RequestLog requestLog;
    private final Responses responses;
    private final SimClock clock;
    private final Consumer<HttpCall> revokeCaller;

    public SimulatorHttpServer(InetSocketAddress address, int workerThreads, FaultInjector faults,
                               RequestLog requestLog, Responses responses, SimClock clock,
                               Consumer<HttpCall> revokeCaller) {
        this.faults = faults;
        this.requestLog = requestLog;
        this.responses = responses;
        this.clock = clock;
        this.revokeCaller = revokeCaller;
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threadCount = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerThreads, workerThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "tiktok-sim-" + instance + "-http-" + threadCount.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            this.server = HttpServer.create(address, 512);
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::serve);
    }

    public void register(Endpoint endpoint, Handler handler) {
        handlers.put(endpoint, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) {
        Endpoint endpoint = Endpoint.forPath(exchange.getRequestURI().getPath());
        Handler handler = endpoint == null ? null : handlers.get(endpoint);
        try (exchange) {
            if (handler == null) {
                write(exchange, responses.failure(new ApiException(404, "not_found", "Unknown path."), false));
                return;
            }
            if (!endpoint.method().equalsIgnoreCase(exchange.getRequestMethod())) {
                write(exchange, responses.failure(new ApiException(405, "method_not_allowed",
                        "Use " + endpoint.method() + "."), false));
                return;
            }
            Instant receivedAt = clock.now();
            Fault fault = faults.draw(endpoint).orElse(null);
            HttpCall call = new HttpCall(exchange, endpoint, fault, receivedAt);
            if (fault != null && fault.kind() == FaultKind.DROP_CONNECTION) {
                record(call, 0, "connection_dropped");
                return; // closing an exchange before sending headers drops the connection
            }
            SimResponse response = answer(call, handler);
            if (fault != null && fault.kind() == FaultKind.ANSWER_LOST) {
                record(call, 0, "answer_lost");
                return;
            }
            // logged before answering, so a client that got its answer always finds its request in the log
            record(call, response.status(), response.code());
            write(exchange, response);
        } catch (IOException | UncheckedIOException e) {
            log.debug("simulator: client went away during {}", endpoint);
        } catch (RuntimeException e) {
            log.warn("simulator: unexpected failure serving {}", endpoint, e);
        }
    }

    private SimResponse answer(HttpCall call, Handler handler) {
        Fault fault = call.fault().orElse(null);
        if (fault != null) {
            switch (fault.kind()) {
                case HTTP_500 -> {
                    return injected(call, ApiException.internal(), "server_error");
                }
                case RATE_LIMITED -> {
                    return injected(call, ApiException.rateLimited(), "temporarily_unavailable");
                }
                case ERROR_CODE -> {
                    return injected(call, new ApiException(fault.errorStatus(), fault.errorCode(),
                            "Injected: " + fault.errorCode() + "."), fault.errorCode());
                }
                case SLOW -> sleep(clock.scaled(fault.slowBy()).toMillis());
                case REVOKE_TOKEN -> revokeCaller.accept(call);
                default -> { }
            }
        }
        SimResponse response = handle(call, handler);
        if (fault != null && fault.kind() == FaultKind.INIT_500_AFTER_CREATE && response.status() == 200) {
            return responses.failure(ApiException.internal(), false);
        }
        return response;
    }

    /** An injected failure in the shape of the endpoint: bare status for uploads, flat body for OAuth. */
    private SimResponse injected(HttpCall call, ApiException failure, String oauthError) {
        if (call.endpoint() == Endpoint.UPLOAD) {
            return SimResponse.empty(failure.httpStatus(), Map.of());
        }
        if (call.endpoint().isOAuth()) {
            return responses.oauthFailure(new OAuthException(oauthError, failure.getMessage()), false);
        }
        return responses.failure(failure, false);
    }

    private SimResponse handle(HttpCall call, Handler handler) {
        boolean errorAs200 = call.hasFault(FaultKind.ERROR_AS_HTTP_200);
        try {
            return handler.handle(call);
        } catch (ApiException e) {
            if (call.endpoint().isOAuth()) {
                return responses.oauthFailure(new OAuthException("invalid_request", e.getMessage()), errorAs200);
            }
            return responses.failure(e, errorAs200);
        } catch (OAuthException e) {
            return responses.oauthFailure(e, errorAs200);
        } catch (UploadRejection e) {
            return e.response();
        } catch (UncheckedIOException e) {
            throw e; // the client went away; nobody is left to answer
        } catch (RuntimeException e) {
            log.warn("simulator: unexpected failure serving {}", call.endpoint(), e);
            return responses.failure(ApiException.internal(), errorAs200);
        }
    }

    private void record(HttpCall call, int status, String code) {
        requestLog.add(new RequestRecord(clock.now(), call.receivedAt(), call.endpoint(), call.creatorOpenId(), status, code,
                call.overLimit(), call.fault().map(Fault::kind).orElse(null)));
    }

    private static void write(HttpExchange exchange, SimResponse response) throws IOException {
        // an unread request body makes the server reset the connection, losing the answer: drain it first
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
