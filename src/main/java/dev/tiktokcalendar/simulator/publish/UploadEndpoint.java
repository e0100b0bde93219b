package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.http.UploadRejection;
import dev.tiktokcalendar.simulator.world.SimClock;
import dev.tiktokcalendar.simulator.world.SimulatorSettings.ReputAcceptedChunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PUT {upload_url}} (contract §6.2, §6.3): the upload token is the credential; chunks must come in
 * order with exactly the planned sizes ({@code Content-Range: bytes first-last/total}, matching
 * {@code Content-Length}). 206 per accepted chunk, 201 for the last, 403 once the URL expired, 404 for an
 * unknown upload, 416 when the range does not continue the progress, 400 for malformed headers. Every answer
 * but 404 carries the progress as {@code Content-Range: bytes 0-{last received}/{total}}.
 * <p>
 * A chunk sent again after it was accepted (its answer lost, say) is 416 by default: the progress header then
 * shows that it landed, which is how §6.3 tells clients to resync. With {@code reput-accepted-chunk: ACCEPT}
 * the identical chunk (same range, same bytes) gets its first answer again and is not counted twice.
 */
public final class UploadEndpoint {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm");

    private final SimClock clock;
    private final PublishStore store;
    private final ProcessingEngine engine;
    private final boolean answerResentChunks;

    public UploadEndpoint(SimClock clock, PublishStore store, ProcessingEngine engine,
                          ReputAcceptedChunk reputAcceptedChunk) {
        this.clock = clock;
        this.store = store;
        this.engine = engine;
        this.answerResentChunks = reputAcceptedChunk == ReputAcceptedChunk.ACCEPT;
    }

    public SimResponse put(HttpCall call) {
        Publish publish = store.byUploadId(call.query("upload_id"))
                .filter(p -> p.upload.uploadToken.equals(call.query("upload_token")))
                .orElseThrow(() -> new UploadRejection(404, "no upload task for this URL"));
        call.authenticatedAs(publish.creator.openId());
        byte[] chunk = call.body();
        synchronized (publish) {
            Publish.Upload upload = publish.upload;
            Map<String, String> progress = progressHeader(upload);
            if (!clock.now().isBefore(upload.expiresAt)) {
                throw new UploadRejection(403, "upload_url expired", progress);
            }
            if (answerResentChunks) {
                Optional<AcceptedChunk> resent = resentChunk(call, upload, chunk);
                if (resent.isPresent()) {
                    AcceptedChunk first = resent.get();
                    return SimResponse.empty(first.httpStatus(), progressHeader(upload.videoSize, first.last() + 1));
                }
            }
            if (publish.status != PublishStatus.PROCESSING_UPLOAD || upload.uploadedBytes == upload.videoSize) {
                throw new UploadRejection(416, "upload already complete or abandoned", progress);
            }
            if (!isVideoType(call.header("Content-Type"))) {
                throw new UploadRejection(400, "Content-Type must be video/mp4, video/quicktime or video/webm", progress);
            }
            Matcher range = CONTENT_RANGE.matcher(String.valueOf(call.header("Content-Range")).trim());
            if (!range.matches()) {
                throw new UploadRejection(400, "malformed Content-Range", progress);
            }
            long first = Long.parseLong(range.group(1));
            long last = Long.parseLong(range.group(2));
            long total = Long.parseLong(range.group(3));
            if (total != upload.videoSize || last < first || last - first + 1 != chunk.length
                    || !String.valueOf(chunk.length).equals(call.header("Content-Length"))) {
                throw new UploadRejection(400, "Content-Range, Content-Length and body disagree", progress);
            }
            if (first != upload.uploadedBytes || chunk.length != upload.expectedLengthOfNextChunk()) {
                throw new UploadRejection(416, "range does not continue the upload", progress);
            }
            long firstByte = upload.uploadedBytes;
            append(upload, chunk);
            int status = upload.uploadedBytes < upload.videoSize ? 206 : 201;
            if (answerResentChunks) {
                upload.acceptedChunks.add(
                        new AcceptedChunk(firstByte, upload.uploadedBytes - 1, sha256(chunk), status));
            }
            if (status == 201) {
                engine.uploadComplete(publish);
            }
            return SimResponse.empty(status, progressHeader(upload));
        }
    }

    /** The accepted chunk this PUT sends again, byte for byte and with well-formed headers, if it is one. */
    private static Optional<AcceptedChunk> resentChunk(HttpCall call, Publish.Upload upload, byte[] chunk) {
        Matcher range = CONTENT_RANGE.matcher(String.valueOf(call.header("Content-Range")).trim());
        if (!isVideoType(call.header("Content-Type")) || !range.matches()
                || Long.parseLong(range.group(3)) != upload.videoSize
                || !String.valueOf(chunk.length).equals(call.header("Content-Length"))) {
            return Optional.empty();
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        if (last - first + 1 != chunk.length) {
            return Optional.empty();
        }
        byte[] digest = sha256(chunk);
        return upload.acceptedChunks.stream().filter(accepted -> accepted.sameAs(first, last, digest)).findFirst();
    }

    private static boolean isVideoType(String contentType) {
        return contentType != null && VIDEO_TYPES.contains(contentType.split(";")[0].trim().toLowerCase());
    }

    private static void append(Publish.Upload upload, byte[] chunk) {
        try {
            if (upload.file == null) {
                upload.file = Files.createTempFile("tiktok-sim-", ".upload");
            }
            Files.write(upload.file, chunk, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        upload.digest.update(chunk);
        upload.uploadedBytes += chunk.length;
        upload.chunksReceived++;
    }

    private static Map<String, String> progressHeader(Publish.Upload upload) {
        return progressHeader(upload.videoSize, upload.uploadedBytes);
    }

    private static Map<String, String> progressHeader(long videoSize, long receivedBytes) {
        String received = receivedBytes == 0 ? "*" : "0-" + (receivedBytes - 1);
        return Map.of("Content-Range", "bytes " + received + "/" + videoSize);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
