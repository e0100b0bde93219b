package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * The init attempts of posts ({@code post_attempt}): the intent is recorded before the request goes out, the
 * {@code publish_id} right after it. A retry that needs a fresh init is a new, counted attempt.
 */
@Repository
public class PostAttempts {

    private final JdbcClient jdbc;

    public PostAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens attempt {@code post.attempt + 1}, counts it on the post and forgets the publish id of the previous attempt
     * (the post's publish id is always its latest attempt's); returns its number. Call in the intent's transaction.
     */
    public int openAttempt(long postId, Instant at, MediaSource mediaSource) {
        jdbc.sql("UPDATE post SET attempt = attempt + 1, publish_id = NULL WHERE id = ?").param(postId).update();
        int attemptNo = jdbc.sql("SELECT attempt FROM post WHERE id = ?").param(postId).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO post_attempt (post_id, attempt_no, init_intent_at, media_source, outcome)
                        VALUES (?, ?, ?, ?, 'IN_FLIGHT')""")
                .params(postId, attemptNo, SqlTime.utc(at), mediaSource.name()).update();
        return attemptNo;
    }

    /** How an attempt's media reach TikTok. */
    public enum MediaSource {
        /** our node streams the chunks: the publish cannot go live without them */
        FILE_UPLOAD,
        /** TikTok fetches the media from a URL: the publish may go live on its own */
        PULL_FROM_URL
    }

    public void recordSent(long postId, int attemptNo, Instant sentAt, String publishId) {
        jdbc.sql("UPDATE post_attempt SET init_sent_at = ?, publish_id = ? WHERE post_id = ? AND attempt_no = ?")
                .params(SqlTime.utc(sentAt), publishId, postId, attemptNo).update();
        if (publishId != null) {
            jdbc.sql("UPDATE post SET publish_id = ?, init_sent_at = COALESCE(init_sent_at, ?) WHERE id = ?")
                    .params(publishId, SqlTime.utc(sentAt), postId).update();
        }
    }

    public void finish(long postId, int attemptNo, String outcome, String failCode, Instant at) {
        jdbc.sql("""
                        UPDATE post_attempt SET outcome = ?, fail_code = ?, finished_at = ?
                        WHERE post_id = ? AND attempt_no = ?""")
                .params(outcome, failCode, SqlTime.utc(at), postId, attemptNo).update();
    }

    public Optional<String> publishIdOf(long postId, int attemptNo) {
        return jdbc.sql("SELECT publish_id FROM post_attempt WHERE post_id = ? AND attempt_no = ?")
                .params(postId, attemptNo).query(String.class).optional();
    }
}
