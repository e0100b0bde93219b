package dev.tiktokcalendar.tiktok.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The body of {@code POST /v2/post/publish/content/init/} (contract §7): a photo post, {@code DIRECT_POST} or
 * {@code MEDIA_UPLOAD}, always PULL_FROM_URL with 1-35 verified image URLs.
 */
public record PhotoInit(String mediaType, String postMode, PostInfo postInfo, Source sourceInfo,
                        @JsonProperty("is_aigc") boolean isAigc) {

    public static PhotoInit directPost(PostInfo postInfo, List<String> photoImages, int coverIndex, boolean isAigc) {
        return new PhotoInit("PHOTO", "DIRECT_POST", postInfo, new Source("PULL_FROM_URL", photoImages, coverIndex), isAigc);
    }

    /** To the creator's inbox: only title and description are meaningful. */
    public static PhotoInit mediaUpload(String title, String description, List<String> photoImages, int coverIndex, boolean isAigc) {
        return new PhotoInit("PHOTO", "MEDIA_UPLOAD", new PostInfo(title, description, null, null, null, null, null),
                new Source("PULL_FROM_URL", photoImages, coverIndex), isAigc);
    }

    /** {@code title} ≤ 90, {@code description} ≤ 4000 UTF-16 units; the rest only for DIRECT_POST. */
    public record PostInfo(String title, String description, String privacyLevel, Boolean disableComment,
                           Boolean autoAddMusic, Boolean brandContentToggle, Boolean brandOrganicToggle) {
    }

    public record Source(String source, List<String> photoImages, int photoCoverIndex) {
    }
}
