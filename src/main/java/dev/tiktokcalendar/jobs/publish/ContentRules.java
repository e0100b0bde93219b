package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.jobs.publish.ContentCheck.Violation;
import dev.tiktokcalendar.jobs.publish.PostContent.PostMode;
import dev.tiktokcalendar.jobs.publish.PostContent.PostType;

import java.util.ArrayList;
import java.util.List;

/**
 * TikTok's rules for a post's text and settings (tiktok-api.md §3.1, §4, §7, §16), checked before any API call
 * so that a post TikTok would refuse fails with its field and reason and costs no request. Lengths are counted
 * in UTF-16 code units, as TikTok counts them: an emoji outside the BMP counts twice.
 */
public final class ContentRules {

    static final int VIDEO_CAPTION_MAX = 2200;
    static final int PHOTO_TITLE_MAX = 90;
    static final int PHOTO_DESCRIPTION_MAX = 4000;
    static final int PHOTOS_MAX = 35;

    public ContentCheck check(PostContent post, CreatorConstraints creator) {
        List<Violation> violations = new ArrayList<>();
        List<String> adjustments = new ArrayList<>();
        checkText(post, violations);
        if (post.mode() == PostMode.DIRECT) {
            checkPrivacy(post, creator, violations);
        }
        if (post.type() == PostType.PHOTO) {
            checkPhotos(post, violations);
        }
        boolean allowComment = allowed(post.allowComment(), creator.commentDisabled(), "comments", adjustments);
        boolean allowDuet = post.type() == PostType.VIDEO && allowed(post.allowDuet(), creator.duetDisabled(), "duets", adjustments);
        boolean allowStitch = post.type() == PostType.VIDEO && allowed(post.allowStitch(), creator.stitchDisabled(), "stitches", adjustments);
        return new ContentCheck(List.copyOf(violations), allowComment, allowDuet, allowStitch, List.copyOf(adjustments));
    }

    private static void checkText(PostContent post, List<Violation> violations) {
        if (post.type() == PostType.VIDEO) {
            maxLength("caption", post.caption(), VIDEO_CAPTION_MAX, violations);
        } else {
            maxLength("title", post.title(), PHOTO_TITLE_MAX, violations);
            maxLength("caption", post.caption(), PHOTO_DESCRIPTION_MAX, violations);
        }
    }

    private static void maxLength(String field, String text, int max, List<Violation> violations) {
        if (text != null && text.length() > max) {
            violations.add(new Violation(field, "is " + text.length() + " UTF-16 units long; TikTok allows at most "
                    + max + " (emoji count twice): shorten it by " + (text.length() - max)));
        }
    }

    private static void checkPrivacy(PostContent post, CreatorConstraints creator, List<Violation> violations) {
        if (post.privacyLevel() == null || post.privacyLevel().isBlank()) {
            violations.add(new Violation("privacy", "a direct post needs a privacy level; the creator allows "
                    + creator.privacyLevelOptions()));
            return;
        }
        if (!creator.privacyLevelOptions().contains(post.privacyLevel())) {
            violations.add(new Violation("privacy", post.privacyLevel() + " is not among the creator's current options "
                    + creator.privacyLevelOptions() + "; pick one of them"));
        }
        if (post.brandContent() && "SELF_ONLY".equals(post.privacyLevel())) {
            violations.add(new Violation("privacy", "branded content cannot be private (SELF_ONLY); TikTok requires "
                    + "a visible audience for paid partnerships"));
        }
    }

    private static void checkPhotos(PostContent post, List<Violation> violations) {
        if (post.photoCount() < 1 || post.photoCount() > PHOTOS_MAX) {
            violations.add(new Violation("media", "a photo post needs 1 to " + PHOTOS_MAX + " images, it has " + post.photoCount()));
        }
        Integer cover = post.photoCoverIndex();
        if (cover != null && (cover < 0 || cover >= post.photoCount())) {
            violations.add(new Violation("cover_index", cover + " is not an image of this post (0 to "
                    + (post.photoCount() - 1) + ")"));
        }
    }

    private static boolean allowed(boolean wanted, boolean disabledByCreator, String what, List<String> adjustments) {
        if (wanted && disabledByCreator) {
            adjustments.add(what + " turned off: the creator has disabled them");
            return false;
        }
        return wanted;
    }
}
