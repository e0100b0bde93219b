package dev.tiktokcalendar.importer;

import java.time.Instant;
import java.util.List;

/**
 * A checked calendar row, ready to become (or update) a post.
 *
 * @param externalKey the idempotency key: {@code id:<external_id>} or {@code auto:<hash of account, time, media>}
 * @param fingerprint SHA-256 of everything the import writes into the post; equal means "unchanged"
 * @param warnings    what the editor should know although the row is accepted
 * @param newPostText the new post's columns without the write-time ones, as LOAD DATA text, rendered on the
 *                    check thread when the import loads its rows ({@link ImportedPosts#newPostText}); else null
 */
public record PostDraft(long line, List<String> cells, long accountId, String accountName, String externalKey,
                        String type, String mode, Instant publishAt, String zone, String caption, String title,
                        String privacy, boolean allowComment, boolean allowDuet, boolean allowStitch, Integer coverMs,
                        Integer coverIndex, Boolean autoAddMusic, boolean brandContent, boolean brandOrganic,
                        boolean aigc, List<MediaChecker.Media> media, String fingerprint, List<RowProblem> warnings,
                        String newPostText) {

    PostDraft withNewPostText(String text) {
        return new PostDraft(line, cells, accountId, accountName, externalKey, type, mode, publishAt, zone, caption, title,
                privacy, allowComment, allowDuet, allowStitch, coverMs, coverIndex, autoAddMusic, brandContent, brandOrganic,
                aigc, media, fingerprint, warnings, text);
    }

    public boolean isDirect() {
        return "DIRECT".equals(mode);
    }
}
