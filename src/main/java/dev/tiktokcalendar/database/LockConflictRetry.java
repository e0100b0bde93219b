package dev.tiktokcalendar.database;

import org.springframework.dao.PessimisticLockingFailureException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a short transaction of its own (or a few auto-committed statements) again when InnoDB chose it as a deadlock
 * victim (or a lock wait timed out). The database rolled that transaction back entirely, so running it again is the
 * same as running it once; the guards inside (expected states, SKIP LOCKED, a rate-limit slot's age) decide afresh. Never use it around a transaction that is not
 * the caller's own, nor around anything that reaches TikTok.
 */
public final class LockConflictRetry {

    private static final int ATTEMPTS = 5;

    private LockConflictRetry() {
    }

    public static <T> T run(Supplier<T> ownTransaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.get();
            } catch (PessimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                // a few milliseconds, growing and jittered, so the two transactions do not meet again at once
                long millis = ThreadLocalRandom.current().nextLong(1, 5L << attempt);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
            }
        }
    }
}
