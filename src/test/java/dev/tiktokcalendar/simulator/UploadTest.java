package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.SimulatorApi.Reply;
import dev.tiktokcalendar.simulator.fault.Fault;
import dev.tiktokcalendar.simulator.fault.FaultKind;
import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.ReputAcceptedChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The media PUTs of contract §6.2/§6.3: sequential, exactly sized, 206 then 201, and every refusal. */
class UploadTest {

    private static final int SIZE = 10_000_123;
    private static final int CHUNK = 5_000_000;

    private final MutableClock clock = MutableClock.atFixedStart();
    private final TikTokSimulator sim = TestWorlds.start(TestWorlds.standard(), clock);
    private final SimulatorApi api = new SimulatorApi(sim);
    private final byte[] media = TestMedia.mp4OfSize(SIZE);

    @AfterEach
    void close() {
        sim.close();
    }

    private Reply init() {
        return init(api);
    }

    private static Reply init(SimulatorApi api) {
        return api.postJson("/v2/post/publish/video/init/", api.token(PUBLIC),
                SimulatorApi.directVideoBody("SELF_ONLY", "chunked", SIZE, CHUNK, 2));
    }

    private static String url(Reply init) {
        return init.data().path("upload_url").asString();
    }

    private Reply put(String url, int first, int lastInclusive) {
        return put(api, url, first, lastInclusive);
    }

    private Reply put(SimulatorApi through, String url, int first, int lastInclusive) {
        return through.put(url, "video/mp4", "bytes " + first + "-" + lastInclusive + "/" + SIZE,
                Arrays.copyOfRange(media, first, lastInclusive + 1));
    }

    private static long uploadedBytes(SimulatorApi api, Reply init) {
        return api.status(api.token(PUBLIC), init.data().path("publish_id").asString()).data().path("uploaded_bytes").asLong();
    }

    @Test
    void sequentialChunksGet206Then201WithProgress() {
        Reply init = init();
        String publishId = init.data().path("publish_id").asString();

        Reply first = put(url(init), 0, CHUNK - 1);
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-4999999/10000123");
        assertThat(first.body()).isEmpty();
        Reply status = api.status(api.token(PUBLIC), publishId);
        assertThat(status.data().path("status").asString()).isEqualTo("PROCESSING_UPLOAD");
        assertThat(status.data().path("uploaded_bytes").asLong()).isEqualTo(CHUNK);

        Reply last = put(url(init), CHUNK, SIZE - 1);
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.header("Content-Range")).isEqualTo("bytes 0-10000122/10000123");

        assertThat(put(url(init), 0, CHUNK - 1).status()).as("after completion").isEqualTo(416);
    }

    @Test
    void outOfOrderOrWronglySizedChunksAre416() {
        String url = url(init());

        Reply skipped = put(url, CHUNK, SIZE - 1);
        assertThat(skipped.status()).isEqualTo(416);
        assertThat(skipped.header("Content-Range")).isEqualTo("bytes */10000123");

        Reply shortChunk = put(url, 0, CHUNK - 2);
        assertThat(shortChunk.status()).isEqualTo(416);

        assertThat(put(url, 0, CHUNK - 1).status()).isEqualTo(206);
        Reply repeated = put(url, 0, CHUNK - 1);
        assertThat(repeated.status()).isEqualTo(416);
        assertThat(repeated.header("Content-Range")).isEqualTo("bytes 0-4999999/10000123");
    }

    @Test
    void malformedHeadersAre400() throws IOException {
        String url = url(init());

        assertThat(api.put(url, "video/mp4", "bytes=0-10", new byte[11]).status()).isEqualTo(400);
        assertThat(api.put(url, "application/octet-stream", "bytes 0-4999999/10000123",
                Arrays.copyOf(media, CHUNK)).status()).isEqualTo(400);
        assertThat(api.put(url, "video/mp4", "bytes 0-4999999/99", Arrays.copyOf(media, CHUNK)).status()).isEqualTo(400);
        assertThat(rawPut(url, "bytes 0-9/10000123", 8)).as("Content-Length differs from the range").isEqualTo(400);
    }

    @Test
    void unknownUploadIs404AndExpiredUrlIs403() {
        String url = url(init());
        String forged = url.replaceAll("upload_token=[A-Za-z0-9]+", "upload_token=forged");
        assertThat(put(forged, 0, CHUNK - 1).status()).isEqualTo(404);
        assertThat(api.put(sim.baseUrl() + "/video/?upload_id=1&upload_token=x", "video/mp4", "bytes 0-0/1", new byte[1])
                .status()).isEqualTo(404);

        clock.advance(Duration.ofHours(1));

        assertThat(put(url, 0, CHUNK - 1).status()).isEqualTo(403);
    }

    @Test
    void aChunkThatGets5xxIsResentAndAccepted() {
        String url = url(init());
        sim.injectNext(Endpoint.UPLOAD, Fault.of(FaultKind.HTTP_500));

        Reply failed = put(url, 0, CHUNK - 1);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).as("uploads answer bare statuses").isEmpty();
        assertThat(put(url, 0, CHUNK - 1).status()).isEqualTo(206);
        assertThat(put(url, CHUNK, SIZE - 1).status()).isEqualTo(201);
    }

    @Test
    void aChunkWhoseAnswerWasLostIsRefusedWhenResentWithAProgressHeaderThatShowsItLanded() {
        Reply init = init();
        sim.injectNext(Endpoint.UPLOAD, Fault.of(FaultKind.ANSWER_LOST));
        assertThatThrownBy(() -> put(url(init), 0, CHUNK - 1)).isInstanceOf(UncheckedIOException.class);

        Reply resent = put(url(init), 0, CHUNK - 1);
        assertThat(resent.status()).isEqualTo(416);
        assertThat(resent.header("Content-Range")).as("the chunk landed; resume after it").isEqualTo("bytes 0-4999999/10000123");
        assertThat(put(url(init), CHUNK, SIZE - 1).status()).isEqualTo(201);

        Reply lastResent = put(url(init), CHUNK, SIZE - 1);
        assertThat(lastResent.status()).isEqualTo(416);
        assertThat(lastResent.header("Content-Range")).as("the upload is complete").isEqualTo("bytes 0-10000122/10000123");
        assertThat(uploadedBytes(api, init)).isEqualTo(SIZE);
    }

    @Test
    void resentChunksGetTheirFirstAnswerAgainWhenSoSetAndCountOnce() {
        try (TikTokSimulator accepting = TestWorlds.start(TestWorlds.standard(TestWorlds.defaultSettings()
                .reputAcceptedChunk(ReputAcceptedChunk.ACCEPT).build()), clock)) {
            SimulatorApi api = new SimulatorApi(accepting);
            Reply init = init(api);
            accepting.injectNext(Endpoint.UPLOAD, Fault.of(FaultKind.ANSWER_LOST));
            assertThatThrownBy(() -> put(api, url(init), 0, CHUNK - 1)).isInstanceOf(UncheckedIOException.class);

            Reply resent = put(api, url(init), 0, CHUNK - 1);
            assertThat(resent.status()).isEqualTo(206);
            assertThat(resent.header("Content-Range")).isEqualTo("bytes 0-4999999/10000123");
            assertThat(uploadedBytes(api, init)).as("counted once").isEqualTo(CHUNK);

            assertThat(put(api, url(init), CHUNK, SIZE - 1).status()).isEqualTo(201);
            Reply lastResent = put(api, url(init), CHUNK, SIZE - 1);
            assertThat(lastResent.status()).isEqualTo(201);
            assertThat(lastResent.header("Content-Range")).isEqualTo("bytes 0-10000122/10000123");
            Reply firstAgain = put(api, url(init), 0, CHUNK - 1);
            assertThat(firstAgain.status()).as("answered as the first time, not with the current progress").isEqualTo(206);
            assertThat(firstAgain.header("Content-Range")).isEqualTo("bytes 0-4999999/10000123");

            byte[] otherBytes = Arrays.copyOf(media, CHUNK);
            otherBytes[CHUNK - 1] ^= 1;
            assertThat(api.put(url(init), "video/mp4", "bytes 0-4999999/10000123", otherBytes).status())
                    .as("same range, other bytes").isEqualTo(416);

            assertThat(uploadedBytes(api, init)).isEqualTo(SIZE);
            clock.advance(Duration.ofSeconds(5));
            assertThat(api.status(api.token(PUBLIC), init.data().path("publish_id").asString()).data().path("status")
                    .asString()).isEqualTo("PUBLISH_COMPLETE");
            assertThat(accepting.posts(PUBLIC).get(0).mediaKey()).isEqualTo("sha256:" + sha256Hex(media));
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PUT whose Content-Length header disagrees with its Content-Range (java.net.http cannot send one). */
    private int rawPut(String url, String contentRange, int bodyLength) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            String head = "PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + "\r\nContent-Type: video/mp4\r\nContent-Range: " + contentRange
                    + "\r\nContent-Length: " + bodyLength + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[bodyLength]);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String statusLine = response.toString(StandardCharsets.US_ASCII).split("\r\n")[0];
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
