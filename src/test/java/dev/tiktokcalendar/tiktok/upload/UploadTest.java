package dev.tiktokcalendar.tiktok.upload;

import dev.tiktokcalendar.simulator.TikTokSimulator;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.inspect.RequestRecord;
import dev.tiktokcalendar.simulator.world.SimulatorSettings;
import dev.tiktokcalendar.simulator.world.World;
import dev.tiktokcalendar.simulator.world.WorldApp;
import dev.tiktokcalendar.simulator.world.WorldCreator;
import dev.tiktokcalendar.tiktok.ClientDatabase;
import dev.tiktokcalendar.tiktok.ClientFixture;
import dev.tiktokcalendar.tiktok.TikTokClient;
import dev.tiktokcalendar.tiktok.api.DirectVideoInit;
import dev.tiktokcalendar.tiktok.api.InboxVideoInit;
import dev.tiktokcalendar.tiktok.api.PublishTicket;
import dev.tiktokcalendar.tiktok.api.VideoPostInfo;
import dev.tiktokcalendar.tiktok.api.VideoSource;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Chunked uploads against the simulator: a 5xx mid-upload, a resume after 416, an expired URL, 200 MB in bounded heap. */
class UploadTest {

    private static final ClientDatabase DATABASE = ClientDatabase.migrated("upload");
    private static final long CHUNK = 5_242_880L;
    private static TikTokSimulator sim;
    private static ClientFixture fixture;
    private static TikTokClient client;

    @BeforeAll
    static void start() {
        World world = new World(WorldApp.defaults(),
                List.of(WorldCreator.named("uploader"), WorldCreator.named("slowpoke"), WorldCreator.named("big.uploader")),
                SimulatorSettings.builder().processingDelay(Duration.ofMillis(50)).uploadUrlLifetime(Duration.ofMinutes(5)).build());
        sim = TikTokSimulator.builder().world(world).start();
        fixture = new ClientFixture(sim, DATABASE);
        client = fixture.clients().client();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aServerErrorMidUploadResendsTheSameChunk(@TempDir Path dir) throws IOException {
        Path file = sparseFile(dir, 4 * CHUNK + 123);
        ChunkPlan plan = new ChunkPlanner(CHUNK).plan(Files.size(file));
        PublishTicket ticket = init("uploader", plan);
        int mark = sim.requestLog().size();
        AtomicBoolean injected = new AtomicBoolean();
        // once chunk 1 has been streamed the simulator has drawn its faults for it: the next PUT (chunk 2) gets a 500
        MediaSource faulty = new SourceWithHook(new FileMediaSource(file), 1, () -> {
            if (injected.compareAndSet(false, true)) {
                sim.injectNext(Endpoint.UPLOAD, Fault.of(FaultKind.HTTP_500));
            }
        });

        UploadReceipt receipt = client.upload(ticket, plan, faulty, "video/mp4").orElseThrow();

        assertThat(receipt).isEqualTo(new UploadReceipt(Files.size(file), 4, 5));
        assertThat(uploadStatusesSince(mark)).containsExactly(206, 206, 500, 206, 201);
    }

    @Test
    void anUploadResumesFromWhatTheServerReportsAfterA416(@TempDir Path dir) throws Exception {
        Path file = sparseFile(dir, 4 * CHUNK + 7);
        ChunkPlan plan = new ChunkPlanner(CHUNK).plan(Files.size(file));
        PublishTicket ticket = init("uploader", plan);
        int mark = sim.requestLog().size();
        // an earlier attempt (another process, say) got the first two chunks through before it died
        HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 2; i++) {
            ChunkPlan.Chunk chunk = plan.chunk(i);
            HttpResponse<Void> answer = raw.send(HttpRequest.newBuilder(ticket.uploadUrl().uri())
                    .header("Content-Type", "video/mp4").header("Content-Range", chunk.contentRange())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) chunk.length()])).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(206);
        }

        UploadReceipt resumed = client.upload(ticket, plan, new FileMediaSource(file), "video/mp4").orElseThrow();

        assertThat(resumed).isEqualTo(new UploadReceipt(Files.size(file), 4, 3));
        assertThat(uploadStatusesSince(mark)).containsExactly(206, 206, 416, 206, 201);
    }

    @Test
    void anExpiredUploadUrlEndsTheAttemptCleanly(@TempDir Path dir) throws IOException {
        try (TikTokSimulator shortLived = TikTokSimulator.builder().world(new World(WorldApp.defaults(),
                List.of(WorldCreator.named("slowpoke")),
                SimulatorSettings.builder().uploadUrlLifetime(Duration.ofMillis(300)).build())).start()) {
            ClientFixture local = new ClientFixture(shortLived, DATABASE);
            TikTokClient shortClient = local.clients().client();
            long account = local.connect("slowpoke");
            Path file = sparseFile(dir, 2000);
            ChunkPlan plan = new ChunkPlanner(CHUNK).plan(2000);
            PublishTicket ticket = shortClient.initInboxVideo(account, new InboxVideoInit(VideoSource.fileUpload(plan))).orElseThrow();
            sleepQuietly(500);

            TikTokResult<UploadReceipt> result = shortClient.upload(ticket, plan, new FileMediaSource(file), "video/mp4");

            assertThat(result.error().code()).isEqualTo("upload_url_expired");
            assertThat(result.error().errorClass()).isEqualTo(ErrorClass.RETRY_SAFE);
            assertThat(result.error().toString()).doesNotContain(ticket.uploadUrl().uri().getQuery());
        }
    }

    @Test
    void aFourGigabyteVideoIsPlannedAndInitialised() {
        ChunkPlan plan = new ChunkPlanner(10_000_000L).plan(ChunkPlanner.MAX_VIDEO_SIZE);

        PublishTicket ticket = init("big.uploader", plan);

        assertThat(plan.totalChunkCount()).isEqualTo(429);
        assertThat(ticket.uploadUrl()).isNotNull();
    }

    /**
     * 200 MB uploaded by a separate JVM whose whole heap is capped at 64 MB ({@link UploadProcess}): holding the
     * file (or even a few chunks) in memory would fail with OutOfMemoryError. The child also reports its used-heap
     * growth after GC.
     */
    @Test
    void twoHundredMegabytesUploadWithHeapGrowthUnder64Mb() throws Exception {
        Path target = Path.of("target", "upload-heap-test");
        Files.createDirectories(target);
        long size = 200L * 1024 * 1024;
        Path file = sparseFile(target, size);
        try {
            ChunkPlan plan = new ChunkPlanner(10_000_000L).plan(size);
            PublishTicket ticket = init("big.uploader", plan);
            int mark = sim.requestLog().size();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), UploadProcess.class.getName(),
                    ticket.uploadUrl().uri().toString(), file.toString(), Long.toString(plan.chunkSize()))
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes());
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(child.exitValue()).as(output).isZero();
            long growth = Long.parseLong(output.replaceAll("(?s).*heap-growth-bytes=(\\d+).*", "$1"));
            assertThat(growth).as(output).isLessThan(64L * 1024 * 1024);
            assertThat(uploadStatusesSince(mark)).hasSize(plan.totalChunkCount()).endsWith(201);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private PublishTicket init(String username, ChunkPlan plan) {
        long account = fixture.connect(username);
        return client.initDirectVideo(account, new DirectVideoInit(
                new VideoPostInfo("upload", "SELF_ONLY", false, false, false, null, false, false, false),
                VideoSource.fileUpload(plan))).orElseThrow();
    }

    /** Upload answers of the simulator since the {@code mark} (a request-log size taken earlier). */
    private static List<Integer> uploadStatusesSince(int mark) {
        List<RequestRecord> log = sim.requestLog();
        return log.subList(mark, log.size()).stream().filter(r -> r.endpoint() == Endpoint.UPLOAD)
                .map(RequestRecord::httpStatus).toList();
    }

    static Path sparseFile(Path dir, long size) throws IOException {
        Path file = Files.createTempFile(dir, "video-", ".mp4");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Hook {
        void run() throws IOException;
    }

    /** Runs {@code hook} once chunk {@code index} has been read whole. */
    private record SourceWithHook(MediaSource source, int index, Hook hook) implements MediaSource {
        @Override
        public long size() throws IOException {
            return source.size();
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            InputStream in = source.open(offset, length);
            if (offset != index * CHUNK) {
                return in;
            }
            return new FilterInputStream(in) {
                private long read;
                private boolean ran;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    read += Math.max(n, 0);
                    // the HTTP client may stop at the chunk's length without reading the end of the stream
                    if ((n < 0 || read >= length) && !ran) {
                        ran = true;
                        hook.run();
                    }
                    return n;
                }
            };
        }
    }
}
