package dev.tiktokcalendar.jobs.housekeeping;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes finished Spring Batch job executions that ended before a cutoff, with their steps, contexts and
 * parameters, then the job instances left without executions. Running executions are never touched.
 */
@Component
public class BatchHistoryPurger {

    private final JdbcClient jdbc;

    public BatchHistoryPurger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Purges at most {@code limit} executions ended before {@code cutoff}; returns how many were purged. */
    public int purgeExecutionsEndedBefore(Instant cutoff, int limit) {
        List<Long> executionIds = jdbc.sql("""
                        SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION
                        WHERE END_TIME IS NOT NULL AND END_TIME < ? AND STATUS NOT IN ('STARTING', 'STARTED', 'STOPPING')
                        ORDER BY JOB_EXECUTION_ID LIMIT ?""")
                .params(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC), limit)
                .query(Long.class).list();
        if (executionIds.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        DELETE ctx FROM BATCH_STEP_EXECUTION_CONTEXT ctx
                        JOIN BATCH_STEP_EXECUTION step ON step.STEP_EXECUTION_ID = ctx.STEP_EXECUTION_ID
                        WHERE step.JOB_EXECUTION_ID IN (:ids)""")
                .param("ids", executionIds).update();
        for (String table : List.of("BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
                "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION")) {
            jdbc.sql("DELETE FROM " + table + " WHERE JOB_EXECUTION_ID IN (:ids)").param("ids", executionIds).update();
        }
        jdbc.sql("""
                DELETE inst FROM BATCH_JOB_INSTANCE inst
                LEFT JOIN BATCH_JOB_EXECUTION exe ON exe.JOB_INSTANCE_ID = inst.JOB_INSTANCE_ID
                WHERE exe.JOB_EXECUTION_ID IS NULL""").update();
        return executionIds.size();
    }
}
