package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.calendar.PostClaim;
import dev.tiktokcalendar.jobs.publish.PostContent.PostMode;
import dev.tiktokcalendar.jobs.publish.PostContent.PostType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads claimed posts with their account and media, two queries per batch, soonest due first. */
@Repository
public class PublishablePosts {

    private final JdbcClient jdbc;

    public PublishablePosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PublishablePost> load(List<PostClaim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<Long, PostClaim> claimById = new HashMap<>();
        claims.forEach(claim -> claimById.put(claim.postId(), claim));
        List<Long> ids = List.copyOf(claimById.keySet());
        Map<Long, List<String>> media = new LinkedHashMap<>();
        jdbc.sql("SELECT post_id, source FROM post_media WHERE post_id IN (:ids) ORDER BY post_id, position")
                .param("ids", ids)
                .query(rs -> {
                    media.computeIfAbsent(rs.getLong("post_id"), id -> new ArrayList<>()).add(rs.getString("source"));
                });
        return jdbc.sql("""
                        SELECT p.id, p.account_id, a.status AS account_status, a.username, p.post_type, p.post_mode,
                               p.caption, p.title, p.privacy_level, p.allow_comment, p.allow_duet, p.allow_stitch,
                               p.video_cover_ms, p.photo_cover_index, p.auto_add_music, p.brand_content_toggle,
                               p.brand_organic_toggle, p.is_aigc, p.publish_at
                        FROM post p JOIN tiktok_account a ON a.id = p.account_id
                        WHERE p.id IN (:ids) ORDER BY p.id""")
                .param("ids", ids)
                .query((rs, row) -> new PublishablePost(rs.getLong("id"), rs.getLong("account_id"),
                        rs.getString("account_status"), rs.getString("username"),
                        PostType.valueOf(rs.getString("post_type")), PostMode.valueOf(rs.getString("post_mode")),
                        rs.getString("caption"), rs.getString("title"), rs.getString("privacy_level"),
                        rs.getBoolean("allow_comment"), rs.getBoolean("allow_duet"), rs.getBoolean("allow_stitch"),
                        rs.getObject("video_cover_ms", Integer.class), rs.getObject("photo_cover_index", Integer.class),
                        rs.getObject("auto_add_music", Boolean.class), rs.getBoolean("brand_content_toggle"),
                        rs.getBoolean("brand_organic_toggle"), rs.getBoolean("is_aigc"),
                        rs.getObject("publish_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        List.copyOf(media.getOrDefault(rs.getLong("id"), List.of())), claimById.get(rs.getLong("id"))))
                .list().stream()
                .sorted(Comparator.comparing((PublishablePost post) -> post.claim().dueAt()).thenComparing(PublishablePost::id))
                .toList();
    }
}
