package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.PostClaim;
import dev.tiktokcalendar.jobs.publish.PostContent.PostMode;
import dev.tiktokcalendar.jobs.publish.PostContent.PostType;

import java.time.Instant;
import java.util.List;

/**
 * A claimed post with everything needed to send it: its account, content, settings and media sources in order, and
 * the claim (when it is due, which claim it is).
 */
public record PublishablePost(long id, long accountId, String accountStatus, String username, PostType type,
                              PostMode mode, String caption, String title, String privacyLevel, boolean allowComment,
                              boolean allowDuet, boolean allowStitch, Integer videoCoverMs, Integer photoCoverIndex,
                              Boolean autoAddMusic, boolean brandContent, boolean brandOrganic, boolean aigc,
                              Instant publishAt, List<String> media,
                              PostClaim claim) {

    public PostContent content() {
        return new PostContent(type, mode, caption, title, privacyLevel, allowComment, allowDuet, allowStitch,
                brandContent, media.size(), photoCoverIndex);
    }
}
