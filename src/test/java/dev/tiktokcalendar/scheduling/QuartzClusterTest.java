package dev.tiktokcalendar.scheduling;

import dev.tiktokcalendar.TiktokCalendarApplication;
import dev.tiktokcalendar.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler nodes on one database, a counting Batch job every second: each tick launches exactly one job
 * execution in the cluster; a restarted node keeps the other's triggers and history; a missed tick fires once.
 */
class QuartzClusterTest {

    private static final String SCHEMA_URL = TestDatabase.newSchema("quartz_cluster");
    private static final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(SCHEMA_URL, TestDatabase.username(), TestDatabase.password()));

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext startNode(String name) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(TiktokCalendarApplication.class, CountingJob.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + SCHEMA_URL,
                        "--spring.datasource.username=" + TestDatabase.username(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name,
                        "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                        "--calendar.scheduling.jobs.counting.job=countingJob",
                        "--calendar.scheduling.jobs.counting.interval=1s",
                        "--spring.flyway.locations=classpath:db/migration,classpath:db/test-migration",
                        "--calendar.node-name=" + name);
        nodes.add(node);
        return node;
    }

    @Test
    void everyTickLaunchesExactlyOnceAcrossTwoNodesAndARestartKeepsTriggersAndHistory() throws Exception {
        ConfigurableApplicationContext nodeA = startNode("node-a");
        ConfigurableApplicationContext nodeB = startNode("node-b");

        await().atMost(Duration.ofSeconds(40)).until(() -> countedTicks() >= 12);

        assertEachTickRanOnce();
        assertThat(distinctTicks()).as("one job execution per tick").isEqualTo(jobExecutions());

        int executionsBeforeRestart = jobExecutions();
        nodeA.close();
        nodes.remove(nodeA);
        int afterStop = countedTicks();
        await().atMost(Duration.ofSeconds(20)).until(() -> countedTicks() >= afterStop + 3);
        startNode("node-a");

        Scheduler schedulerOfB = nodeB.getBean(Scheduler.class);
        assertThat(schedulerOfB.getTrigger(TriggerKey.triggerKey("counting", ScheduleSynchronizer.GROUP))).isNotNull();
        assertThat(jobExecutions()).isGreaterThanOrEqualTo(executionsBeforeRestart);
        int afterRestart = countedTicks();
        await().atMost(Duration.ofSeconds(20)).until(() -> countedTicks() >= afterRestart + 3);
        assertEachTickRanOnce();
    }

    @Test
    void aTickMissedWhileEveryNodeWasDownFiresOnceNotOncePerMissedPeriod() throws Exception {
        ConfigurableApplicationContext node = startNode("node-solo");
        await().atMost(Duration.ofSeconds(30)).until(() -> countedTicks() >= 2);
        node.close();
        nodes.remove(node);
        Instant down = Instant.now();

        Thread.sleep(8_000); // longer than the 5 s misfire threshold: 8 ticks are missed
        Instant restarted = Instant.now();
        startNode("node-solo");
        await().atMost(Duration.ofSeconds(20)).until(() -> ticksAfter(restarted.toEpochMilli()) >= 1);

        assertThat(ticksBetween(down.toEpochMilli() + 1500, restarted.toEpochMilli()))
                .as("missed ticks are not replayed one by one").isZero();
        assertEachTickRanOnce();
    }

    private static int countedTicks() {
        return jdbc.sql("SELECT COUNT(*) FROM counted_tick").query(Integer.class).single();
    }

    private static int distinctTicks() {
        return jdbc.sql("SELECT COUNT(DISTINCT fire_time) FROM counted_tick").query(Integer.class).single();
    }

    private static int ticksAfter(long epochMillis) {
        return jdbc.sql("SELECT COUNT(*) FROM counted_tick WHERE fire_time >= ?").param(epochMillis).query(Integer.class).single();
    }

    private static int ticksBetween(long fromMillis, long toMillis) {
        return jdbc.sql("SELECT COUNT(*) FROM counted_tick WHERE fire_time >= ? AND fire_time < ?")
                .params(fromMillis, toMillis).query(Integer.class).single();
    }

    private static int jobExecutions() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'countingJob'""").query(Integer.class).single();
    }

    private static void assertEachTickRanOnce() {
        List<Long> duplicated = jdbc.sql("SELECT fire_time FROM counted_tick GROUP BY fire_time HAVING COUNT(*) > 1")
                .query(Long.class).list();
        assertThat(duplicated).as("ticks that ran more than once").isEmpty();
        List<Long> duplicatedExecutions = jdbc.sql("""
                SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'countingJob' AND p.PARAMETER_NAME = 'scheduledFireTime'
                GROUP BY p.PARAMETER_VALUE HAVING COUNT(*) > 1""").query(Long.class).list();
        assertThat(duplicatedExecutions).as("ticks with more than one job execution").isEmpty();
    }

    /** A Batch job that records each tick it runs for (not component-scanned: registered per node). */
    static class CountingJob {

        @Bean
        Job countingJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcClient jdbc,
                        org.springframework.core.env.Environment environment) {
            return new JobBuilder("countingJob", jobRepository)
                    .start(new StepBuilder("countTickStep", jobRepository)
                            .tasklet((contribution, chunkContext) -> {
                                long fireTime = chunkContext.getStepContext().getStepExecution().getJobParameters()
                                        .getLong(BatchJobLauncher.SCHEDULED_FIRE_TIME);
                                jdbc.sql("INSERT INTO counted_tick (fire_time, node) VALUES (?, ?)")
                                        .params(fireTime, environment.getProperty("calendar.node-name")).update();
                                return RepeatStatus.FINISHED;
                            }, transactionManager)
                            .build())
                    .build();
        }
    }
}
