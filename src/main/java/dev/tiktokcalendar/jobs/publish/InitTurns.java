package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.tiktok.ratelimit.RateBucket;
import dev.tiktokcalendar.tiktok.ratelimit.RateLimitGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gives the posts that an account's init budget turned away a turn each: the instants at which the account's init
 * slots come free, one window after another, each to one deferred post. Deferring them all to the instant the oldest
 * slot frees made them come back as a herd: each was prepared again (a {@code creator_info} call each), one took the
 * slot, and after a few such rounds the account's {@code creator_info} budget was gone while init slots stood free
 * (bench/RESULTS.md, utilisation). A turn is taken when deferred posts of the account already wait for that very
 * instant, as many as slots come free at that millisecond; two nodes deferring at once may pick the same turn, and
 * the post that loses it is given the next. A post that comes back on its turn before the slot is free (its
 * predecessor went out a little after its own turn) waits again without any API call ({@link #unlessFreeNow}).
 */
@Component
public class InitTurns {

    // the turns looked at; a longer queue waits after the last, and is spread again when it gets there
    private static final int WINDOWS_AHEAD = 10;

    private final RateLimitGate rateLimits;
    private final JdbcClient jdbc;
    // one account's turns are handed out one at a time on this node, each until its deferral is committed
    private final Object[] locks = new Object[64];

    public InitTurns(RateLimitGate rateLimits, JdbcClient jdbc) {
        this.rateLimits = rateLimits;
        this.jdbc = jdbc;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * When the account has no init slot free now: {@code deferTo} applied to the post's turn (it commits the deferral).
     * Empty when a slot is free.
     */
    public <T> Optional<T> unlessFreeNow(long accountId, Instant now, Function<Instant, T> deferTo) {
        synchronized (lockOf(accountId)) {
            List<Instant> free = rateLimits.freeInstants(accountId, RateBucket.INIT);
            return free.get(0).isAfter(now) ? Optional.of(deferTo.apply(next(accountId, free, now))) : Optional.empty();
        }
    }

    /**
     * {@code deferTo} applied to the first turn of the account's init budget, not before {@code notBefore}, that no
     * other deferred post of the account waits for; it commits the deferral, so that a concurrent refusal of this
     * node sees the turn taken.
     */
    public <T> T deferToNext(long accountId, Instant notBefore, Instant now, Function<Instant, T> deferTo) {
        synchronized (lockOf(accountId)) {
            Instant turn = next(accountId, rateLimits.freeInstants(accountId, RateBucket.INIT), now);
            return deferTo.apply(notBefore != null && notBefore.isAfter(turn) ? notBefore : turn);
        }
    }

    private Object lockOf(long accountId) {
        return locks[Math.floorMod(Long.hashCode(accountId), locks.length)];
    }

    private Instant next(long accountId, List<Instant> free, Instant now) {
        Instant from = now.truncatedTo(ChronoUnit.MILLIS);
        Duration window = rateLimits.window(RateBucket.INIT);
        int turns = free.size() * WINDOWS_AHEAD;
        // several slots may come free at the same millisecond: each is a turn, so waiting posts are counted per instant
        Map<Instant, Integer> waiting = waiting(accountId, turn(free, 0, window, from), turn(free, turns - 1, window, from));
        for (int j = 0; j < turns; j++) {
            Instant turn = turn(free, j, window, from);
            if (waiting.merge(turn, -1, Integer::sum) < 0) {
                return turn;
            }
        }
        return turn(free, turns, window, from);
    }

    /** Turn {@code j}: slot {@code j mod n} in window {@code j / n}, never before {@code from}. */
    private static Instant turn(List<Instant> free, int j, Duration window, Instant from) {
        Instant turn = free.get(j % free.size()).plus(window.multipliedBy(j / free.size()));
        return turn.isBefore(from) ? from : turn;
    }

    private Map<Instant, Integer> waiting(long accountId, Instant first, Instant last) {
        Map<Instant, Integer> waiting = new HashMap<>();
        jdbc.sql("""
                        SELECT next_attempt_at FROM post
                        WHERE state = 'DEFERRED' AND next_attempt_at BETWEEN ? AND ? AND account_id = ?""")
                .params(SqlTime.utc(first), SqlTime.utc(last), accountId)
                .query(rs -> {
                    waiting.merge(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), 1, Integer::sum);
                });
        return waiting;
    }
}
