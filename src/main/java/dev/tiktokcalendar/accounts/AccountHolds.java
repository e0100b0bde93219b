package dev.tiktokcalendar.accounts;

import dev.tiktokcalendar.calendar.PostState;
import dev.tiktokcalendar.calendar.PostStateMachine;
import dev.tiktokcalendar.calendar.PostTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Holds an account's future posts while it cannot post (re-authorisation needed, authorisation removed,
 * disconnected) and releases them when it is connected again. Held posts are not failed: each goes out once
 * released, at its publish time or at once when that has passed. Every move goes through {@link PostStateMachine}.
 */
@Component
public class AccountHolds {

    static final Set<PostState> HOLDABLE = Set.of(PostState.SCHEDULED, PostState.DEFERRED, PostState.CLAIMED);
    private static final Logger log = LoggerFactory.getLogger(AccountHolds.class);

    private final JdbcClient jdbc;
    private final PostStateMachine states;
    private final Clock clock;

    public AccountHolds(JdbcClient jdbc, PostStateMachine states, Clock clock) {
        this.jdbc = jdbc;
        this.states = states;
        this.clock = clock;
    }

    /** Moves the account's scheduled, deferred and claimed posts to HELD; returns how many moved. */
    public int holdPosts(long accountId, String reason) {
        List<Long> posts = jdbc.sql("SELECT id FROM post WHERE account_id = :account AND state IN (:states) ORDER BY id")
                .param("account", accountId).param("states", HOLDABLE.stream().map(Enum::name).toList())
                .query(Long.class).list();
        int held = 0;
        for (long post : posts) {
            if (states.apply(new PostTransition(post, HOLDABLE, PostState.HELD, reason, null))) {
                held++;
            }
        }
        if (held > 0) {
            log.info("TikTok account {}: {} post(s) held ({})", accountId, held, reason);
        }
        return held;
    }

    /** Moves the account's HELD posts back to SCHEDULED, due at their publish time or now; returns how many moved. */
    public int releasePosts(long accountId, String reason) {
        Instant now = clock.instant();
        record Held(long id, Instant publishAt) {
        }
        List<Held> posts = jdbc.sql("SELECT id, publish_at FROM post WHERE account_id = :account AND state = 'HELD' ORDER BY id")
                .param("account", accountId)
                .query((rs, row) -> new Held(rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list();
        int released = 0;
        for (Held post : posts) {
            Instant due = post.publishAt().isAfter(now) ? post.publishAt() : now;
            if (states.apply(PostTransition.of(post.id(), PostState.HELD, PostState.SCHEDULED, reason, due))) {
                released++;
            }
        }
        if (released > 0) {
            log.info("TikTok account {}: {} held post(s) released ({})", accountId, released, reason);
        }
        return released;
    }

    /** Accounts that cannot post (status other than ACTIVE) but still have posts waiting to be published. */
    public List<Long> accountsWithPostsToHold() {
        return jdbc.sql("""
                        SELECT DISTINCT a.id FROM tiktok_account a JOIN post p ON p.account_id = a.id
                        WHERE a.status <> 'ACTIVE' AND p.state IN (:states)""")
                .param("states", HOLDABLE.stream().map(Enum::name).toList()).query(Long.class).list();
    }

}
