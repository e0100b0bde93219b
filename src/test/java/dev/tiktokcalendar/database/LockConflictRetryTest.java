package dev.tiktokcalendar.database;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockConflictRetryTest {

    @Test
    void aTransactionChosenAsDeadlockVictimRunsAgain() {
        AtomicInteger runs = new AtomicInteger();

        String result = LockConflictRetry.run(() -> {
            if (runs.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(runs).hasValue(3);
    }

    @Test
    void givesUpAfterFiveConflictsAndNeverRetriesOtherFailures() {
        AtomicInteger conflicts = new AtomicInteger();
        assertThatThrownBy(() -> LockConflictRetry.run(() -> {
            conflicts.incrementAndGet();
            throw new CannotAcquireLockException("Lock wait timeout exceeded");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(conflicts).hasValue(5);

        AtomicInteger others = new AtomicInteger();
        assertThatThrownBy(() -> LockConflictRetry.run(() -> {
            others.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate key");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(others).hasValue(1);
    }
}
