package dev.tiktokcalendar.jobs.publish;

import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.support.CalendarFixtures;
import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The turns of an account's init budget: posts the budget turned away wait one each for the instants its slots come
 * free, window after window, instead of all for the first (default limits: 6 inits a 60 s window, 1 s margin).
 */
@SpringBootTest
class InitTurnsTest extends DatabaseTest {

    private static final Duration WINDOW = Duration.ofSeconds(61);

    @Autowired
    InitTurns turns;

    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void postsTurnedAwayTogetherWaitForSuccessiveSlotsWindowAfterWindow() {
        long account = accountWithInitsSentAt(now.minusSeconds(10), 100);

        assertThat(refusedOneAfterAnother(account, 14)).containsExactlyElementsOf(expectedTurns(14));
    }

    @Test
    void slotsThatComeFreeAtTheSameMillisecondAreATurnEach() {
        long account = accountWithInitsSentAt(now.minusSeconds(10), 0);

        Instant free = now.minusSeconds(10).plus(WINDOW);
        assertThat(refusedOneAfterAnother(account, 8)).containsExactly(free, free, free, free, free, free, free.plus(WINDOW), free.plus(WINDOW));
    }

    @Test
    void refusalsOnManyThreadsAtOnceStillGetATurnEach() throws Exception {
        long account = accountWithInitsSentAt(now.minusSeconds(10), 100);
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            posts.add(postOf(account));
        }
        List<Callable<Instant>> refusals = posts.stream()
                .<Callable<Instant>>map(post -> () -> turns.deferToNext(account, null, now, turn -> deferred(post, turn)))
                .toList();
        ExecutorService threads = Executors.newFixedThreadPool(14);
        List<Instant> given = new ArrayList<>();
        try {
            for (Future<Instant> turn : threads.invokeAll(refusals)) {
                given.add(turn.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(given).containsExactlyInAnyOrderElementsOf(expectedTurns(14));
    }

    @Test
    void aTurnIsNeverBeforeTheInstantTheRefusalNamed() {
        long account = accountWithInitsSentAt(now.minusSeconds(10), 100);
        Instant tikTokSaid = now.plusSeconds(300);

        long post = postOf(account);
        Instant given = turns.deferToNext(account, tikTokSaid, now, turn -> deferred(post, turn));

        assertThat(given).isEqualTo(tikTokSaid);
    }

    @Test
    void aDeferredPostBackBeforeAnySlotIsFreeWaitsForTheNextUntakenTurnAndOtherwiseGoesAhead() {
        long busy = accountWithInitsSentAt(now.minusSeconds(10), 100);
        long takenFirst = postOf(busy);
        deferred(takenFirst, expectedTurns(1).get(0));

        long early = postOf(busy);
        assertThat(turns.unlessFreeNow(busy, now, turn -> deferred(early, turn)))
                .as("the first turn is taken, so the second").contains(expectedTurns(2).get(1));

        long withAFreeSlot = accountWithInitsSentAt(now.minusSeconds(62), 0);
        assertThat(turns.unlessFreeNow(withAFreeSlot, now, turn -> deferred(postOf(withAFreeSlot), turn))).isEmpty();
        long neverPosted = new CalendarFixtures(jdbc).account(workspace(), "turns-new");
        assertThat(turns.unlessFreeNow(neverPosted, now, turn -> deferred(postOf(neverPosted), turn))).isEmpty();
    }

    /** The turns given to {@code count} posts of the account turned away one after another. */
    private List<Instant> refusedOneAfterAnother(long account, int count) {
        List<Instant> given = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long post = postOf(account);
            given.add(turns.deferToNext(account, null, now, turn -> deferred(post, turn)));
        }
        return given;
    }

    /** The slot free instants of {@link #accountWithInitsSentAt}, six a window: turn j is slot j % 6 in window j / 6. */
    private List<Instant> expectedTurns(int count) {
        Instant firstSent = now.minusSeconds(10);
        List<Instant> expected = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            expected.add(firstSent.plusMillis(100L * (j % 6)).plus(WINDOW.multipliedBy(1 + j / 6)));
        }
        return expected;
    }

    /** An account whose six init slots were used {@code spacingMs} apart from {@code firstSent}. */
    private long accountWithInitsSentAt(Instant firstSent, int spacingMs) {
        long account = new CalendarFixtures(jdbc).account(workspace(), "turns");
        for (int slot = 0; slot < 6; slot++) {
            jdbc.sql("INSERT INTO tiktok_rate_limit_slot (account_id, bucket, slot, used_at_ms) VALUES (?, 'INIT', ?, ?)")
                    .params(account, slot, firstSent.toEpochMilli() + (long) slot * spacingMs).update();
        }
        return account;
    }

    private long workspace() {
        return new CalendarFixtures(jdbc).workspace("turns-" + UUID.randomUUID());
    }

    private long postOf(long account) {
        long workspace = jdbc.sql("SELECT workspace_id FROM tiktok_account WHERE id = ?").param(account).query(Long.class).single();
        return new CalendarFixtures(jdbc).post(workspace, account, "INIT_IN_FLIGHT", now.plusSeconds(3600));
    }

    private Instant deferred(long post, Instant turn) {
        jdbc.sql("UPDATE post SET state = 'DEFERRED', next_attempt_at = ? WHERE id = ?").params(SqlTime.utc(turn), post).update();
        return turn;
    }
}
