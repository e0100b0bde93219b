package dev.tiktokcalendar.scheduling;

import dev.tiktokcalendar.TiktokCalendarApplication;
import dev.tiktokcalendar.database.SqlTime;
import dev.tiktokcalendar.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
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
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Application nodes on one database with a when-due schedule whose work is rows of {@code due_item}: the
 * watcher launches the job at the instant an item comes due, once, through the clustered store, and costs only
 * its question while nothing is due.
 */
class DueWorkWatcherTest {

    private static final AtomicInteger questions = new AtomicInteger();

    private final String schemaUrl = TestDatabase.newSchema("due_watcher");
    private final DriverManagerDataSource dataSource =
            new DriverManagerDataSource(schemaUrl, TestDatabase.username(), TestDatabase.password());
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/test-migration")
                .load().migrate();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext startNode(String name, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + schemaUrl,
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                "--calendar.scheduling.jobs.due-items.job=dueItemsJob",
                "--calendar.scheduling.jobs.due-items.when-due=true",
                "--calendar.scheduling.jobs.due-items.interval=1s",
                // the calendar's own when-due jobs stay out: the watcher asks only about due items
                "--calendar.scheduling.jobs.publish-due-posts.enabled=false",
                "--calendar.scheduling.jobs.reconcile-status.enabled=false",
                "--calendar.node-name=" + name));
        for (String setting : extra) {
            // a repeated option would bind as a list: the test's setting replaces the default one
            arguments.removeIf(argument -> argument.startsWith(setting.substring(0, setting.indexOf('=') + 1)));
            arguments.add(setting);
        }
        ConfigurableApplicationContext node = new SpringApplicationBuilder(TiktokCalendarApplication.class, DueItems.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    @Test
    void nothingDueArmsNoTriggerAndLaunchesNothing() throws Exception {
        startNode("node-a");
        item(Instant.now().plus(1, ChronoUnit.HOURS), 0);
        int asked = questions.get();

        Thread.sleep(3_500);

        assertThat(questions.get() - asked).as("the watcher asked every second").isGreaterThanOrEqualTo(3);
        assertThat(dueTriggers()).as("triggers armed").isEmpty();
        assertThat(jobExecutions()).as("job executions").isZero();
    }

    @Test
    void workAlreadyDueIsLaunchedOnce() throws Exception {
        startNode("node-a");
        long item = item(Instant.now().minusMillis(100), 0);

        await().atMost(Duration.ofSeconds(10)).until(() -> handled(item));
        Thread.sleep(2_500);

        assertThat(jobExecutions()).as("job executions").isEqualTo(1);
        assertNoTriggerLingers();
    }

    @Test
    void workComingDueWithinTheIntervalIsLaunchedAtItsInstantNotAtTheNextQuestion() {
        // a 3 s interval, so that "at the instant" and "at the next question" are far apart on a busy machine
        startNode("node-a", "--calendar.scheduling.jobs.due-items.interval=3s");
        // whichever question comes within the 3 s before, it sees the item due 0-3000 ms later (600 ms on average)
        Instant due = Instant.now().plusMillis(3_600).truncatedTo(ChronoUnit.MILLIS);
        long item = item(due, 0);

        await().atMost(Duration.ofSeconds(15)).until(() -> handled(item));

        Run run = runOf(item);
        assertThat(run.fireTime()).as("the run is the trigger armed for the item's instant").isEqualTo(due);
        assertThat(Duration.between(due, run.startedAt())).as("lag from due to start")
                .isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertNoTriggerLingers();
    }

    @Test
    void aScheduleOnIntervalBoundariesLaunchesAtTheFirstBoundaryAfterTheWorkComesDue() {
        startNode("node-a", "--calendar.scheduling.jobs.due-items.on-interval-boundaries=true");
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusMillis(300);
        long item = item(due, 0);

        await().atMost(Duration.ofSeconds(10)).until(() -> handled(item));

        assertThat(runOf(item).fireTime()).isEqualTo(due.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        assertNoTriggerLingers();
    }

    @Test
    void twoWatchingNodesRunTheJobOncePerInstantNeverTwoAtOnceAndOnTime() {
        startNode("node-a", "--calendar.scheduling.jobs.due-items.interval=3s");
        startNode("node-b", "--calendar.scheduling.jobs.due-items.interval=3s");
        Instant first = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(item(first.plusMillis(1_500L * i), 200));
        }

        await().atMost(Duration.ofSeconds(40)).until(() -> items.stream().allMatch(this::handled));

        for (long item : items) {
            // on time, not at the next question up to 3 s later (the bound leaves room for a busy shared machine)
            assertThat(Duration.between(dueAt(item), runOf(item).startedAt())).as("lag of item " + item)
                    .isBetween(Duration.ZERO, Duration.ofMillis(1_500));
        }
        assertThat(jdbc.sql("SELECT fire_time FROM due_item_run GROUP BY fire_time HAVING COUNT(*) > 1")
                .query(Long.class).list()).as("instants run twice").isEmpty();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM due_item_run a JOIN due_item_run b ON a.id < b.id
                WHERE a.started_at < b.ended_at AND b.started_at < a.ended_at""").query(Integer.class).single())
                .as("runs overlapping in time").isZero();
        assertThat(jdbc.sql("SELECT DISTINCT node FROM due_item_run").query(String.class).list())
                .isSubsetOf("node-a", "node-b");
        assertNoTriggerLingers();
    }

    @Test
    void workComingDueWhileTheJobRunsIsArmedThenAndLaunchedWhenTheRunEnds() {
        startNode("node-a");
        Instant first = Instant.now().plusMillis(1_600).truncatedTo(ChronoUnit.MILLIS);
        long holding = item(first, 2_500);
        long next = item(first.plusMillis(300), 0);

        await().atMost(Duration.ofSeconds(20)).until(() -> handled(holding) && handled(next));

        Run firstRun = runOf(holding);
        Run secondRun = runOf(next);
        assertThat(firstRun.fireTime()).isEqualTo(first);
        assertThat(secondRun.fireTime()).as("armed while the first run held the job (its trigger blocked by it)")
                .isAfterOrEqualTo(first.plusMillis(300)).isBefore(firstRun.endedAt());
        assertThat(secondRun.startedAt()).isAfterOrEqualTo(firstRun.endedAt());
        assertThat(Duration.between(firstRun.endedAt(), secondRun.startedAt())).as("wait after the first run")
                .isLessThan(Duration.ofSeconds(1));
        assertNoTriggerLingers();
    }

    @Test
    void aTriggerArmedByANodeThatGoesAwayIsFiredByAnother() {
        // asks every 4 s: some question within the 4 s before the item's instant sees it and arms the trigger
        ConfigurableApplicationContext arming = startNode("node-arming", "--calendar.scheduling.jobs.due-items.interval=4s");
        // no watcher here: this node can only fire what another node armed
        startNode("node-firing", "--calendar.scheduling.enabled=false",
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000");
        Instant due = Instant.now().plusSeconds(7).truncatedTo(ChronoUnit.MILLIS);
        long item = item(due, 0);

        await().atMost(Duration.ofSeconds(8)).until(() -> !dueTriggers().isEmpty());
        arming.close();
        nodes.remove(arming);
        assertThat(handled(item)).as("handled before the arming node went away").isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(item));

        Run run = runOf(item);
        assertThat(run.node()).isEqualTo("node-firing");
        // on time when the trigger was left waiting; a trigger the arming node had acquired is first recovered
        // by the cluster (its check-in goes stale), then fired at once as a misfire
        assertThat(run.fireTime()).isAfterOrEqualTo(due);
        assertNoTriggerLingers();
    }

    @Test
    void aScheduleThatBecomesWhenDueLosesItsRepeatingTriggerAndKeepsItsJob() throws Exception {
        startNode("node-a", "--calendar.scheduling.jobs.due-items.when-due=false",
                "--calendar.scheduling.jobs.due-items.interval=1h").close();
        nodes.clear();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'due-items'")
                .query(Integer.class).single()).isEqualTo(1);

        Scheduler scheduler = startNode("node-a").getBean(Scheduler.class);

        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("due-items", ScheduleSynchronizer.GROUP))).isNull();
        assertThat(scheduler.checkExists(JobKey.jobKey("due-items", ScheduleSynchronizer.GROUP))).isTrue();
    }

    private long item(Instant due, int holdMillis) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO due_item (due_at, hold_ms) VALUES (?, ?)").params(SqlTime.utc(due), holdMillis).update(key);
        return key.getKey().longValue();
    }

    /** Taken by a run that has ended (the run's row commits with its step, after the item's claim). */
    private boolean handled(long item) {
        return jdbc.sql("SELECT COUNT(*) FROM due_item i JOIN due_item_run r ON r.id = i.run_id WHERE i.id = ? AND r.ended_at IS NOT NULL")
                .param(item).query(Integer.class).single() > 0;
    }

    private Instant dueAt(long item) {
        return jdbc.sql("SELECT due_at FROM due_item WHERE id = ?").param(item)
                .query((rs, row) -> utc(rs.getObject(1, LocalDateTime.class))).single();
    }

    record Run(Instant fireTime, String node, Instant startedAt, Instant endedAt) {
    }

    private Run runOf(long item) {
        return jdbc.sql("""
                        SELECT r.fire_time, r.node, r.started_at, r.ended_at FROM due_item i JOIN due_item_run r ON r.id = i.run_id
                        WHERE i.id = ?""").param(item)
                .query((rs, row) -> new Run(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                        utc(rs.getObject(3, LocalDateTime.class)), utc(rs.getObject(4, LocalDateTime.class))))
                .single();
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private List<String> dueTriggers() {
        return jdbc.sql("SELECT CONCAT(TRIGGER_NAME, ' ', TRIGGER_STATE) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = ?")
                .param(DueTriggers.GROUP).query(String.class).list();
    }

    /**
     * Quartz removes a fired one-shot trigger just after its job returns, which can be a moment after the job's work
     * is visible: a trigger still there after a few seconds lingers.
     */
    private void assertNoTriggerLingers() {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(dueTriggers()).as("due triggers left in the store").isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_STATE IN ('COMPLETE', 'ERROR')")
                    .query(Integer.class).single()).as("COMPLETE or ERROR triggers").isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS").query(Integer.class).single())
                    .as("fired triggers not completed").isZero();
        });
    }

    private int jobExecutions() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'dueItemsJob'""").query(Integer.class).single();
    }

    /**
     * The job, its launch condition and its {@link DueWork}: a run takes the items due by the instant it was fired
     * for (like a claim; so a late run leaves the next item to the trigger armed for it),
     * holds the job for their longest {@code hold_ms}, and records itself (not component-scanned: registered per node).
     */
    static class DueItems {

        private static final String DUE = "handled_at IS NULL AND due_at <= UTC_TIMESTAMP(3)";

        @Bean
        DueWork dueItemsWork(JdbcClient jdbc) {
            return new DueWork() {
                @Override
                public Set<String> jobNames() {
                    return Set.of("dueItemsJob");
                }

                @Override
                public Map<String, Instant> earliestDueBy(Instant horizon) {
                    questions.incrementAndGet();
                    return jdbc.sql("SELECT MIN(due_at) FROM due_item WHERE handled_at IS NULL AND due_at <= ?")
                            .param(SqlTime.utc(horizon)).query((rs, row) -> utc(rs.getObject(1, LocalDateTime.class)))
                            .optional().map(due -> Map.of("dueItemsJob", due)).orElse(Map.of());
                }
            };
        }

        @Bean
        LaunchCondition dueItemsCondition(JdbcClient jdbc) {
            return new LaunchCondition() {
                @Override
                public String jobName() {
                    return "dueItemsJob";
                }

                @Override
                public boolean workPending() {
                    return jdbc.sql("SELECT COUNT(*) FROM due_item WHERE " + DUE).query(Integer.class).single() > 0;
                }
            };
        }

        @Bean
        Job dueItemsJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcClient jdbc,
                        Environment environment) {
            TransactionTemplate claim = new TransactionTemplate(transactionManager);
            claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            return new JobBuilder("dueItemsJob", jobRepository)
                    .start(new StepBuilder("handleDueItemsStep", jobRepository)
                            .tasklet((contribution, chunkContext) -> {
                                long fireTime = chunkContext.getStepContext().getStepExecution().getJobParameters()
                                        .getLong(BatchJobLauncher.SCHEDULED_FIRE_TIME);
                                GeneratedKeyHolder run =
                                        new GeneratedKeyHolder();
                                jdbc.sql("INSERT INTO due_item_run (fire_time, node, started_at) VALUES (?, ?, UTC_TIMESTAMP(3))")
                                        .params(fireTime, environment.getProperty("calendar.node-name")).update(run);
                                long runId = run.getKey().longValue();
                                // committed at once, like a claim: the items leave the due set while the run holds
                                claim.executeWithoutResult(status -> jdbc.sql(
                                                "UPDATE due_item SET handled_at = UTC_TIMESTAMP(3), run_id = ? "
                                                        + "WHERE handled_at IS NULL AND due_at <= ?")
                                        .params(runId, SqlTime.utc(Instant.ofEpochMilli(fireTime))).update());
                                Thread.sleep(jdbc.sql("SELECT COALESCE(MAX(hold_ms), 0) FROM due_item WHERE run_id = ?")
                                        .param(runId).query(Integer.class).single());
                                jdbc.sql("UPDATE due_item_run SET ended_at = UTC_TIMESTAMP(3) WHERE id = ?").param(runId).update();
                                return RepeatStatus.FINISHED;
                            }, transactionManager)
                            .build())
                    .build();
        }
    }
}
