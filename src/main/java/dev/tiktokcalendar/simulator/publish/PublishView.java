package dev.tiktokcalendar.simulator.publish;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one publish for inspection: which creator, what was asked, and where it stands.
 * {@code mediaKey} identifies the media (SHA-256 of the bytes once received, else the source URLs).
 */
public record PublishView(String publishId, String creatorUsername, PublishKind kind, boolean fileUpload,
                          String caption, String privacyLevel, PublishStatus status, String failReason,
                          List<Long> publicPostIds, String mediaKey, Instant createdAt) {
}
