package dev.tiktokcalendar.scheduling;

import org.quartz.SchedulerException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs changes to the clustered Quartz store. Quartz's Spring job store is container-managed, so each change
 * belongs in a transaction of ours; one change per transaction (two Quartz calls in one failed with "Connection is
 * closed" when a cached test context restarted).
 */
final class QuartzStoreChanges {

    interface Change {
        void apply() throws SchedulerException;
    }

    private final TransactionTemplate transaction;

    QuartzStoreChanges(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** @throws IllegalStateException wrapping a {@link SchedulerException}, with {@code what} as its message */
    void apply(String what, Change change) {
        transaction.executeWithoutResult(status -> {
            try {
                change.apply();
            } catch (SchedulerException e) {
                throw new IllegalStateException(what + ": " + e.getMessage(), e);
            }
        });
    }
}
