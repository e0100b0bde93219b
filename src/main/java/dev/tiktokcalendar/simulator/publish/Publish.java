package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.world.WorldCreator;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One publish task and its progress. Mutable, guarded by its own monitor: the HTTP workers, the download
 * threads and the processing tick all move it, always inside {@code synchronized (publish)}.
 */
public final class Publish {

    final String publishId;
    final WorldCreator creator;
    final PublishKind kind;
    final boolean fileUpload;
    final String caption;
    final String privacyLevel;
    final Instant createdAt;
    final List<String> sourceUrls;
    final InitRequest initRequest;

    PublishStatus status;
    String failReason;
    /** Set when the reason to fail is known before processing ends (bad media, pull error, injected). */
    String pendingFailReason;
    boolean neverFinish;
    /** When the last byte arrived; processing runs from here. */
    Instant mediaReadyAt;
    Instant inboxPostAt;
    Instant moderationDueAt;
    boolean publicPost;
    final List<Long> publicPostIds = new ArrayList<>();
    long downloadedBytes;
    String mediaKey;
    double durationSec;
    int width;
    int height;

    Upload upload;

    Publish(String publishId, WorldCreator creator, PublishKind kind, boolean fileUpload, String caption,
            String privacyLevel, List<String> sourceUrls, Instant createdAt, InitRequest initRequest) {
        this.publishId = publishId;
        this.creator = creator;
        this.kind = kind;
        this.fileUpload = fileUpload;
        this.caption = caption;
        this.privacyLevel = privacyLevel;
        this.sourceUrls = List.copyOf(sourceUrls);
        this.createdAt = createdAt;
        this.initRequest = initRequest;
        this.status = fileUpload ? PublishStatus.PROCESSING_UPLOAD : PublishStatus.PROCESSING_DOWNLOAD;
        this.publicPost = kind.direct() && "PUBLIC_TO_EVERYONE".equals(privacyLevel);
        this.mediaKey = fileUpload ? null : "urls:" + String.join(",", sourceUrls);
    }

    public String publishId() {
        return publishId;
    }

    public WorldCreator creator() {
        return creator;
    }

    public synchronized PublishView view() {
        return new PublishView(publishId, creator.username(), kind, fileUpload, caption, privacyLevel, status,
                failReason, List.copyOf(publicPostIds), mediaKey, createdAt);
    }

    /** The chunked upload of a FILE_UPLOAD publish: plan, credentials, progress, and the bytes so far. */
    static final class Upload {
        final String uploadId;
        final String uploadToken;
        final Instant expiresAt;
        final long videoSize;
        final long chunkSize;
        final long totalChunks;
        /** Created at the first chunk, deleted once probed. */
        Path file;
        final MessageDigest digest;
        long uploadedBytes;
        long chunksReceived;
        /** Filled only when re-sent chunks are answered again (reput-accepted-chunk ACCEPT). */
        final List<AcceptedChunk> acceptedChunks = new ArrayList<>();

        Upload(String uploadId, String uploadToken, Instant expiresAt, long videoSize, long chunkSize,
               long totalChunks, MessageDigest digest) {
            this.uploadId = uploadId;
            this.uploadToken = uploadToken;
            this.expiresAt = expiresAt;
            this.videoSize = videoSize;
            this.chunkSize = chunkSize;
            this.totalChunks = totalChunks;
            this.digest = digest;
        }

        long expectedLengthOfNextChunk() {
            return chunksReceived == totalChunks - 1 ? videoSize - uploadedBytes : chunkSize;
        }
    }
}
