package dev.tiktokcalendar.jobs.publish;

/**
 * What a post asks TikTok to publish, as the validation before any API call sees it.
 *
 * @param caption video caption, or photo description
 * @param title   photo title (videos have none)
 */
public record PostContent(PostType type, PostMode mode, String caption, String title, String privacyLevel,
                          boolean allowComment, boolean allowDuet, boolean allowStitch, boolean brandContent,
                          int photoCount, Integer photoCoverIndex) {

    public enum PostType { VIDEO, PHOTO }

    public enum PostMode { DIRECT, INBOX }
}
