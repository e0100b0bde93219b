package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.http.HttpCall;
import dev.tiktokcalendar.simulator.http.SimResponse;
import dev.tiktokcalendar.simulator.http.UploadRejection;
import dev.tiktokcalendar.simulator.world.SimClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PUT {upload_url}} (contract §6.2, §6.3): the upload token is the credential; chunks must come in
 * order with exactly the planned sizes ({@code Content-Range: bytes first-last/total}, matching
 * {@code Content-Length}). 206 per accepted chunk, 201 for the last, 403 once the URL expired, 404 for an
 * unknown upload, 416 when the range does not continue the progress, 400 for malformed headers. Every answer
 * but 404 carries the progress as {@code Content-Range: bytes 0-{last received}/{total}}.
 */
public final class UploadEndpoint {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm");

    private final SimClock clock;
    private final PublishStore store;
    private final ProcessingEngine engine;

    public UploadEndpoint(SimClock clock, PublishStore store, ProcessingEngine engine) {
        this.clock = clock;
        this.store = store;
        this.engine = engine;
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
            if (publish.status != PublishStatus.PROCESSING_UPLOAD || upload.uploadedBytes == upload.videoSize) {
                throw new UploadRejection(416, "upload already complete or abandoned", progress);
            }
            String type = call.header("Content-Type");
            if (type == null || !VIDEO_TYPES.contains(type.split(";")[0].trim().toLowerCase())) {
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
            append(upload, chunk);
            if (upload.uploadedBytes < upload.videoSize) {
                return SimResponse.empty(206, progressHeader(upload));
            }
            engine.uploadComplete(publish);
            return SimResponse.empty(201, progressHeader(upload));
        }
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
        String received = upload.uploadedBytes == 0 ? "*" : "0-" + (upload.uploadedBytes - 1);
        return Map.of("Content-Range", "bytes " + received + "/" + upload.videoSize);
    }
}
