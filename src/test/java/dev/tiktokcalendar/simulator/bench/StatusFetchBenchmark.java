package dev.tiktokcalendar.simulator.bench;

import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.world.RateLimitSettings;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Load generator for {@code POST /v2/post/publish/status/fetch/} against an in-process simulator on
 * 127.0.0.1 (not a unit test: surefire does not pick it up). Closed loop: {@code threads} workers, each with
 * its own keep-alive connection pool, send requests back to back for {@code warmup} then {@code duration}
 * seconds, bounded by {@code maxRequests}. The default client is a raw keep-alive HTTP/1.1 connection per
 * worker ({@link KeepAliveConnection}); {@code jdk} as fifth argument uses java.net.http instead. Rate limits stay switched on (with limits far above the load) so
 * the limiter's cost is measured too. Usage: {@code bench/run-status-fetch.sh [connections] [seconds] [warmup] [maxRequests] [raw|jdk]}.
 */
public final class StatusFetchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CREATORS = 50;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long maxRequests = args.length > 3 ? Long.parseLong(args[3]) : 2_000_000;
        boolean jdkClient = args.length > 4 && "jdk".equals(args[4]);

        List<WorldCreator> creators = IntStream.range(0, CREATORS).mapToObj(i -> WorldCreator.named("bench" + i)).toList();
        SimulatorSettings settings = SimulatorSettings.builder()
                .processingDelay(Duration.ZERO).moderationDelay(Duration.ZERO)
                .rateLimits(RateLimitSettings.defaults().withLimits(1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000))
                .build();
        try (TikTokSimulator sim = TikTokSimulator.builder()
                .world(new World(WorldApp.defaults(), creators, settings)).start()) {
            List<Target> targets = prepare(sim, creators);
            System.out.printf("simulator %s, %d creators, %d publishes, %d connections (%s client), warm-up %d s, run %d s, cap %d requests%n",
                    sim.baseUrl(), CREATORS, targets.size(), threads, jdkClient ? "java.net.http" : "raw keep-alive",
                    warmupSeconds, seconds, maxRequests);
            run(sim, targets, threads, Duration.ofSeconds(warmupSeconds), Long.MAX_VALUE, "warm-up", jdkClient);
            Result result = run(sim, targets, threads, Duration.ofSeconds(seconds), maxRequests, "measured", jdkClient);
            System.out.println(result.report());
        }
    }

    private record Target(String token, String body) {
    }

    /** Per creator: one publish that completed and one still waiting for its upload. */
    private static List<Target> prepare(TikTokSimulator sim, List<WorldCreator> creators) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Target> targets = new ArrayList<>();
        for (WorldCreator creator : creators) {
            String token = sim.issueTokens(creator.username()).accessToken();
            for (int i = 0; i < 2; i++) {
                String init = """
                        {"post_info":{"title":"bench %d","privacy_level":"PUBLIC_TO_EVERYONE","brand_content_toggle":false},
                         "source_info":{"source":"FILE_UPLOAD","video_size":1000,"chunk_size":1000,"total_chunk_count":1}}""".formatted(i);
                JsonNode data = JSON.readTree(http.send(post(sim.baseUrl() + "/v2/post/publish/video/init/", token, init),
                        HttpResponse.BodyHandlers.ofString()).body()).path("data");
                if (i == 0) {
                    http.send(HttpRequest.newBuilder(URI.create(data.path("upload_url").asString()))
                            .header("Content-Type", "video/mp4").header("Content-Range", "bytes 0-999/1000")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1000])).build(), HttpResponse.BodyHandlers.discarding());
                }
                targets.add(new Target(token, "{\"publish_id\":\"" + data.path("publish_id").asString() + "\"}"));
            }
        }
        return targets;
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends one status/fetch and returns the HTTP status. */
    private interface Sender {
        int send(Target target) throws Exception;
    }

    private static Sender sender(TikTokSimulator sim, boolean jdkClient) throws Exception {
        String path = "/v2/post/publish/status/fetch/";
        if (jdkClient) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return target -> http.send(post(sim.baseUrl() + path, target.token(), target.body()),
                    HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        }
        KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", sim.port());
        return target -> connection.exchange(KeepAliveConnection.post("127.0.0.1", sim.port(), path, target.token(), target.body()));
    }

    private static Result run(TikTokSimulator sim, List<Target> targets, int threads, Duration duration, long maxRequests,
                              String label, boolean jdkClient) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    Sender sender = sender(sim, jdkClient);
                    while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                        Target target = targets.get((int) ((worker * 7919L + n) % targets.size()));
                        long sent = System.nanoTime();
                        if (sender.send(target) != 200) {
                            failures.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[n++] = System.nanoTime() - sent;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(label + "-" + worker + " stopped: " + e);
                } finally {
                    latencies[worker] = mine;
                    counts[worker] = n;
                    done.countDown();
                }
            }, label + "-" + t);
            thread.start();
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, offset, counts[t]);
            offset += counts[t];
        }
        Arrays.sort(all);
        return new Result(label, total, failures.get(), elapsed, all);
    }

    private record Result(String label, int requests, long failures, long elapsedNanos, long[] sortedLatencies) {
        String report() {
            double seconds = elapsedNanos / 1e9;
            return String.format("""
                    %s: %d requests in %.1f s = %.0f requests/s, %d non-200 or failed
                    latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f""",
                    label, requests, seconds, requests / seconds, failures,
                    ms(0.50), ms(0.90), ms(0.99), ms(0.999), sortedLatencies[sortedLatencies.length - 1] / 1e6);
        }

        private double ms(double quantile) {
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(quantile * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }
}
