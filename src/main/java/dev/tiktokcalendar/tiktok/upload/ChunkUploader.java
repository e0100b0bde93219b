package dev.tiktokcalendar.tiktok.upload;

import dev.tiktokcalendar.tiktok.SafeRetry;
import dev.tiktokcalendar.tiktok.TikTokProperties;
import dev.tiktokcalendar.tiktok.error.CallKind;
import dev.tiktokcalendar.tiktok.error.ErrorCatalog;
import dev.tiktokcalendar.tiktok.error.ErrorClass;
import dev.tiktokcalendar.tiktok.error.TikTokError;
import dev.tiktokcalendar.tiktok.error.TikTokResult;
import dev.tiktokcalendar.tiktok.http.HttpAnswer;
import dev.tiktokcalendar.tiktok.http.OutgoingRequest;
import dev.tiktokcalendar.tiktok.http.TikTokHttp;
import dev.tiktokcalendar.tiktok.http.TransportFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a video's chunks to its {@code upload_url}, one after the other (contract §6.2/§6.3), each streamed from the
 * {@link MediaSource} (never the whole file in memory). 206 moves on (to where the server's {@code Content-Range}
 * says, when it says); 201 ends the upload; 416 resumes from the progress the server reports; a 5xx or no answer
 * resends the same chunk up to {@code tiktok.retry.chunk-attempts} times; 403 (URL expired) and 404 end the attempt
 * cleanly (a new init is needed). If the last chunk never got an answer the outcome is unknown: TikTok may have
 * all bytes and be publishing. The upload token in the URL is never logged.
 */
public final class ChunkUploader {

    private static final Logger log = LoggerFactory.getLogger(ChunkUploader.class);
    private static final Pattern PROGRESS = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+)");
    private static final String ENDPOINT = "upload PUT";

    private final TikTokHttp http;
    private final TikTokProperties settings;
    private final ErrorCatalog catalog;
    private final SafeRetry chunkRetry;

    public ChunkUploader(TikTokHttp http, TikTokProperties settings, ErrorCatalog catalog) {
        this.http = http;
        this.settings = settings;
        this.catalog = catalog;
        this.chunkRetry = new SafeRetry("tiktok-upload-chunk", settings.retry().chunkAttempts(), settings.retry());
    }

    /** Uploads every chunk of {@code plan}; {@code contentType} is video/mp4, video/quicktime or video/webm. */
    public TikTokResult<UploadReceipt> upload(UploadUrl url, ChunkPlan plan, MediaSource source, String contentType) {
        return upload(url, plan, source, contentType, UploadPermit.ALWAYS);
    }

    /** As {@link #upload(UploadUrl, ChunkPlan, MediaSource, String)}, asking {@code permit} before every chunk. */
    public TikTokResult<UploadReceipt> upload(UploadUrl url, ChunkPlan plan, MediaSource source, String contentType,
                                              UploadPermit permit) {
        int index = 0;
        int puts = 0;
        int resyncs = 0;
        while (true) {
            ChunkPlan.Chunk chunk = plan.chunk(index);
            if (!permit.mayContinue()) {
                return TikTokResult.failed(uploadError(ErrorClass.RETRY_SAFE, UploadPermit.WITHDRAWN, 0,
                        "the upload was stopped before chunk " + (index + 1) + " of " + plan.totalChunkCount()
                                + ": this node no longer holds the post", "Nothing to do: the node that holds the post decides."));
            }
            int[] sent = {0};
            TikTokResult<HttpAnswer> put = chunkRetry.run(() -> {
                sent[0]++;
                return put(url, chunk, source, contentType);
            });
            puts += sent[0];
            if (!(put instanceof TikTokResult.Ok<HttpAnswer> ok)) {
                boolean last = index == plan.totalChunkCount() - 1;
                TikTokError error = put.error();
                return TikTokResult.failed(last && error.errorClass() == ErrorClass.RETRY_SAFE
                        ? error.withClass(ErrorClass.OUTCOME_UNKNOWN, "TikTok may have received the whole video; check the publish status before any new attempt.")
                        : error);
            }
            HttpAnswer answer = ok.value();
            long received = receivedBytes(answer);
            log.debug("upload {} chunk {}/{} -> HTTP {} ({} bytes received)", url, index + 1, plan.totalChunkCount(),
                    answer.status(), received);
            switch (answer.status()) {
                case 201 -> {
                    return TikTokResult.ok(new UploadReceipt(plan.videoSize(), plan.totalChunkCount(), puts), null);
                }
                case 206, 416 -> {
                    long next = answer.status() == 206 && received < 0 ? chunk.last() + 1 : Math.max(received, 0);
                    if (next >= plan.videoSize()) {
                        return TikTokResult.ok(new UploadReceipt(plan.videoSize(), plan.totalChunkCount(), puts), null);
                    }
                    int resumeAt = plan.chunkStartingAt(next);
                    if (answer.status() == 416 && ++resyncs > plan.totalChunkCount() + 2 || resumeAt < 0) {
                        return TikTokResult.failed(uploadError(ErrorClass.RETRY_SAFE, "upload_out_of_sync", answer.status(),
                                "the server reports " + next + " bytes received, not at a chunk boundary of the plan",
                                "The upload could not be resumed; a new attempt will start it again."));
                    }
                    index = resumeAt;
                }
                case 403 -> {
                    return TikTokResult.failed(uploadError(ErrorClass.RETRY_SAFE, "upload_url_expired", 403,
                            "the upload URL expired (valid 1 hour)", "The upload took too long; a new attempt will start it again."));
                }
                case 404 -> {
                    return TikTokResult.failed(uploadError(ErrorClass.RETRY_SAFE, "upload_not_found", 404,
                            "TikTok has no upload task for this URL", "A new attempt will start the upload again."));
                }
                default -> {
                    return TikTokResult.failed(uploadError(ErrorClass.POST_INVALID, "upload_rejected", answer.status(),
                            "TikTok refused a chunk (HTTP " + answer.status() + ")", "Check the video file and its content type."));
                }
            }
        }
    }

    private TikTokResult<HttpAnswer> put(UploadUrl url, ChunkPlan.Chunk chunk, MediaSource source, String contentType) {
        InputStream content;
        try {
            content = source.open(chunk.first(), chunk.length());
        } catch (IOException unreadable) {
            return TikTokResult.failed(uploadError(ErrorClass.POST_INVALID, "media_unreadable", 0,
                    "the media could not be read: " + unreadable.getClass().getSimpleName(), "Check the media file."));
        }
        try {
            HttpAnswer answer = http.send(OutgoingRequest.to("PUT", url.uri(), settings.chunkTimeout())
                    .header("Content-Type", contentType)
                    .header("Content-Range", chunk.contentRange())
                    .body(content, chunk.length())
                    .build());
            if (answer.status() >= 500) {
                return TikTokResult.failed(catalog.httpError(answer.status(), ENDPOINT, CallKind.UPLOAD, "chunk " + chunk.index() + " failed"));
            }
            return TikTokResult.ok(answer, null);
        } catch (TransportFailure failure) {
            return TikTokResult.failed(catalog.transportError(ENDPOINT, CallKind.UPLOAD, failure.requestSent(),
                    "chunk " + chunk.index() + ": " + failure.getMessage()));
        } finally {
            closeQuietly(content);
        }
    }

    private static void closeQuietly(InputStream content) {
        try {
            content.close();
        } catch (IOException ignored) {
            // the chunk's answer decides; a media file that cannot be closed changes nothing at TikTok
        }
    }

    /** Bytes the server holds per its {@code Content-Range: bytes 0-{last}/{total}} header; -1 when absent. */
    static long receivedBytes(HttpAnswer answer) {
        String range = answer.header("Content-Range");
        if (range == null) {
            return -1;
        }
        Matcher matcher = PROGRESS.matcher(range.trim());
        if (!matcher.matches()) {
            return -1;
        }
        return matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2)) + 1;
    }

    private static TikTokError uploadError(ErrorClass errorClass, String code, int status, String message, String action) {
        return new TikTokError(errorClass, code, message, null, status, ENDPOINT, null, null, action);
    }
}
