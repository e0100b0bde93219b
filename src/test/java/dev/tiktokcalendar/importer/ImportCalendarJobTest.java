package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** importCalendarJob end to end on the real database: counts, idempotency, updates, dry run, file errors, restart. */
@SpringBootTest
@SpringBatchTest
class ImportCalendarJobTest extends DatabaseTest {

    static final int CHUNK = 3;
    static final AtomicInteger WORKSPACES = new AtomicInteger();

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void importSettings(DynamicPropertyRegistry registry) throws IOException {
        Path media = CalendarFixtures.mediaRoot(dir);
        registry.add("calendar.import.media-root", media::toString);
        registry.add("calendar.import.inbox", () -> dir.resolve("inbox").toString());
        registry.add("calendar.import.done", () -> dir.resolve("done").toString());
        registry.add("calendar.import.failed", () -> dir.resolve("failed").toString());
        registry.add("calendar.import.chunk-size", () -> CHUNK);
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier(ImportCalendarJobConfiguration.JOB_NAME)
    Job importCalendarJob;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRunRepository runs;

    @Autowired
    CalendarImporter importer;

    @Autowired
    ImportProgress progress;

    String workspace;
    long workspaceId;

    @BeforeEach
    void workspaceWithAccounts() {
        jobs.setJob(importCalendarJob);
        workspace = "import-" + WORKSPACES.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .params(workspace, workspace, now, now).update();
        workspaceId = jdbc.sql("SELECT id FROM workspace WHERE slug = ?").param(workspace).query(Long.class).single();
        account("alice", "Europe/Paris", "ACTIVE", null);
        account("carol", "America/New_York", "ACTIVE", "[\"PUBLIC_TO_EVERYONE\",\"SELF_ONLY\"]");
        account("bob", "UTC", "DISCONNECTED", null);
    }

    private void account(String username, String zone, String status, String privacyOptions) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, status, privacy_level_options, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(workspaceId, "open-" + username + "-" + workspace, username, zone, status, privacyOptions, now, now).update();
    }

    static final String HEADER = "external_id,account,publish_at,media,privacy,caption,type";

    /** 6 good rows (one in a DST gap), 2 bad ones (unknown account, impossible date). */
    private Path calendar(String name, String captionSuffix) throws IOException {
        String content = HEADER + "\n"
                + "w1,alice,2030-09-14 09:30,v/a.mp4,public,One" + captionSuffix + ",video\n"
                + "w2,@Alice,2030-09-14 12:00,p/1.jpg|p/2.jpg,public,\"Two, with a comma\",photo\n"
                + "w3,mallory,2030-09-14 13:00,v/a.mp4,public,Nobody,video\n"
                + "w4,carol,2030-09-15 08:00,v/b.mov,private,Four" + captionSuffix + ",video\n"
                + "w5,carol,2030-02-30 08:00,v/b.mov,private,Bad date,video\n"
                + "w6,alice,2030-03-31 02:30,https://cdn.example.com/v/6.mp4,public,=Six in a DST gap,video\n"
                + "w7,alice,2030-09-16 09:30,v/a.mp4,friends,Seven,video\n"
                + ",alice,2030-09-17 09:30,v/a.mp4,followers,Eight without an id,video\n";
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    final Launcher launcher = new Launcher();

    /** Apart from the test class: @SpringBatchTest takes a test method returning JobExecution for a job-scope factory. */
    final class Launcher {
        JobExecution run(Path file, boolean dryRun) throws Exception {
            return jobs.startJob(ImportJobParameters.of(file, CalendarImporter.sha256(file), CalendarFormat.NATIVE, workspace,
                    ImportDefaults.NONE, dryRun, Instant.now()));
        }
    }

    /** Outside the test class: @SpringBatchTest takes a test method returning StepExecution for a step-scope factory. */
    static final class Steps {
        static StepExecution rows(JobExecution execution) {
            return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("importCalendarRowsStep"))
                    .findFirst().orElseThrow();
        }
    }

    private ImportRunRepository.ImportRun importRun(JobExecution execution) {
        return runs.find(ImportRequest.from(execution.getExecutionContext()).runId()).orElseThrow();
    }

    private List<Map<String, Object>> posts() {
        return jdbc.sql("""
                        SELECT external_key, state, publish_at, next_attempt_at, publish_zone, caption, privacy_level, post_type,
                               version, updated_at, (SELECT COUNT(*) FROM post_media m WHERE m.post_id = p.id) AS media
                        FROM post p WHERE workspace_id = ? ORDER BY external_key""")
                .param(workspaceId).query().listOfRows();
    }

    @Test
    void importsTheGoodRowsAndRecordsEachBadOneWithLineColumnAndReason() throws Exception {
        StringWriter terminal = new StringWriter();
        progress.showOn(new java.io.PrintWriter(terminal));
        JobExecution execution;
        try {
            execution = launcher.run(calendar("week.csv", ""), false);
        } finally {
            progress.showOn(null);
        }
        assertThat(terminal.toString()).containsPattern("\\r  \\d+ rows  [\\d,]+ rows/s  \\d+ rejected");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution step = Steps.rows(execution);
        assertThat(step.getReadCount()).isEqualTo(8);
        assertThat(step.getWriteCount()).isEqualTo(6);
        assertThat(step.getProcessSkipCount()).isEqualTo(2);
        assertThat(step.getSkipCount()).isEqualTo(2);
        assertThat(step.getFilterCount()).isZero();

        List<Map<String, Object>> posts = posts();
        assertThat(posts).hasSize(6);
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.get("state")).isEqualTo("SCHEDULED");
            assertThat(p.get("next_attempt_at")).isEqualTo(p.get("publish_at"));
        });
        Map<String, Object> first = posts.stream().filter(p -> p.get("external_key").equals("id:w1")).findFirst().orElseThrow();
        assertThat(first.get("publish_at")).isEqualTo(LocalDateTime.parse("2030-09-14T07:30:00"));
        assertThat(first.get("publish_zone")).isEqualTo("Europe/Paris");
        Map<String, Object> photo = posts.stream().filter(p -> p.get("external_key").equals("id:w2")).findFirst().orElseThrow();
        assertThat(photo.get("media")).isEqualTo(2L);
        assertThat(photo.get("post_type")).isEqualTo("PHOTO");
        Map<String, Object> gap = posts.stream().filter(p -> p.get("external_key").equals("id:w6")).findFirst().orElseThrow();
        assertThat(gap.get("publish_at")).isEqualTo(LocalDateTime.parse("2030-03-31T01:30:00")); // 03:30 +02:00
        assertThat(posts).filteredOn(p -> p.get("external_key").toString().startsWith("auto:")).hasSize(1);

        ImportRunRepository.ImportRun run = importRun(execution);
        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(List.of(run.rowsRead(), run.rowsCreated(), run.rowsUpdated(), run.rowsUnchanged(), run.rowsRejected(), run.rowsWarned()))
                .containsExactly(8, 6, 0, 0, 2, 1);

        StringWriter report = new StringWriter();
        ImportErrorReport.write(runs, run.id(), "week.csv", report);
        assertThat(report.toString().split("\r\n")).containsExactly(
                "file,line,column,severity,code,reason,value,external_id,account,publish_at,media,privacy,caption,type",
                "week.csv,4,account,ERROR,UNKNOWN_ACCOUNT,no connected account 'mallory' in this workspace (a username or open_id; "
                        + "connect it first),mallory,w3,mallory,2030-09-14 13:00,v/a.mp4,public,Nobody,video",
                "week.csv,6,publish_at,ERROR,BAD_DATETIME,\"'2030-02-30 08:00' is not a valid date-time (Invalid date 'FEBRUARY 30'): "
                        + "use YYYY-MM-DD HH:MM[:SS] in the row's zone, or ISO-8601 with an offset (2026-09-14T09:30:00+02:00)\","
                        + "2030-02-30 08:00,w5,carol,2030-02-30 08:00,v/b.mov,private,Bad date,video",
                "week.csv,7,publish_at,WARNING,DST_GAP,2030-03-31 02:30 does not exist in Europe/Paris (clocks go forward 60 min at "
                        + "2030-03-31 02:00); scheduled at 2030-03-31 03:30 +02:00 instead,2030-03-31 02:30,w6,alice,2030-03-31 02:30,"
                        + "https://cdn.example.com/v/6.mp4,public,'=Six in a DST gap,video",
                "week.csv,7,caption,WARNING,FORMULA,caption starts with '=': a spreadsheet may have treated it as a formula; it will "
                        + "be posted exactly as written,'=Six in a DST gap,w6,alice,2030-03-31 02:30,https://cdn.example.com/v/6.mp4,"
                        + "public,'=Six in a DST gap,video");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        Path file = calendar("again.csv", "");
        launcher.run(file, false);
        List<Map<String, Object>> before = posts();

        JobExecution second = launcher.run(file, false);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Steps.rows(second).getReadCount()).isEqualTo(8);
        assertThat(Steps.rows(second).getProcessSkipCount()).isEqualTo(2);
        assertThat(posts()).isEqualTo(before);
        ImportRunRepository.ImportRun run = importRun(second);
        assertThat(List.of(run.rowsCreated(), run.rowsUpdated(), run.rowsUnchanged(), run.rowsRejected())).containsExactly(0, 0, 6, 2);
    }

    @Test
    void changedRowsUpdateOnlyPostsThatHaveNotStartedPublishing() throws Exception {
        launcher.run(calendar("v1.csv", ""), false);
        jdbc.sql("UPDATE post SET state = 'PUBLISHED' WHERE workspace_id = ? AND external_key = 'id:w1'").param(workspaceId).update();
        jdbc.sql("UPDATE post SET state = 'DEFERRED' WHERE workspace_id = ? AND external_key = 'id:w4'").param(workspaceId).update();

        JobExecution second = launcher.run(calendar("v2.csv", " (edited)"), false);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ImportRunRepository.ImportRun run = importRun(second);
        assertThat(List.of(run.rowsCreated(), run.rowsUpdated(), run.rowsUnchanged(), run.rowsRejected())).containsExactly(0, 1, 4, 3);
        Map<String, Object> published = posts().stream().filter(p -> p.get("external_key").equals("id:w1")).findFirst().orElseThrow();
        assertThat(published.get("caption")).isEqualTo("One");
        Map<String, Object> deferred = posts().stream().filter(p -> p.get("external_key").equals("id:w4")).findFirst().orElseThrow();
        assertThat(deferred.get("caption")).isEqualTo("Four (edited)");
        assertThat(deferred.get("version")).isEqualTo(1L);
        List<String> codes = jdbc.sql("SELECT error_code FROM import_row_error WHERE import_run_id = ? AND severity = 'ERROR' ORDER BY line_number")
                .param(run.id()).query(String.class).list();
        assertThat(codes).containsExactly("POST_STARTED", "UNKNOWN_ACCOUNT", "BAD_DATETIME");
    }

    @Test
    void aChunkWithAKnownKeyAfterAllNewChunksIsLookedUpAndUpdates() throws Exception {
        launcher.run(calendar("known.csv", ""), false);
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, HEADER + "\n"
                + "n1,alice,2030-11-01 09:00,v/a.mp4,public,New 1,video\n"
                + "n2,alice,2030-11-02 09:00,v/a.mp4,public,New 2,video\n"
                + "n3,alice,2030-11-03 09:00,v/a.mp4,public,New 3,video\n"
                + "n4,alice,2030-11-04 09:00,v/a.mp4,public,New 4,video\n"
                + "w1,alice,2030-09-14 09:30,v/a.mp4,public,One (edited),video\n"
                + "w7,alice,2030-09-16 09:30,v/a.mp4,friends,Seven,video\n"
                + "n5,alice,2030-11-05 09:00,v/b.mov,public,New 5,video\n");

        JobExecution execution = launcher.run(file, false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ImportRunRepository.ImportRun run = importRun(execution);
        assertThat(List.of(run.rowsCreated(), run.rowsUpdated(), run.rowsUnchanged(), run.rowsRejected())).containsExactly(5, 1, 1, 0);
        assertThat(posts()).hasSize(11).allSatisfy(p -> assertThat(p.get("media")).isNotEqualTo(0L));
        assertThat(posts().stream().filter(p -> p.get("external_key").equals("id:w1")).findFirst().orElseThrow().get("caption"))
                .isEqualTo("One (edited)");
    }

    @Test
    void dryRunChecksEverythingAndWritesNoPost() throws Exception {
        JobExecution execution = launcher.run(calendar("dry.csv", ""), true);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Steps.rows(execution).getReadCount()).isEqualTo(8);
        assertThat(Steps.rows(execution).getProcessSkipCount()).isEqualTo(2);
        assertThat(posts()).isEmpty();
        ImportRunRepository.ImportRun run = importRun(execution);
        assertThat(run.dryRun()).isTrue();
        assertThat(List.of(run.rowsCreated(), run.rowsRejected())).containsExactly(6, 2);
        assertThat(ImportSummary.of(run).text("dry.csv")).contains("would add", "would refuse", "nothing was written");
    }

    @Test
    void aFileLevelErrorRefusesTheWholeFileBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, Files.readString(calendar("good-part.csv", "")) + "w9,alice,2030-09-20 10:00,v/a.mp4,public,\"unclosed\n");

        CalendarImporter.Outcome outcome = importer.importFile(file, CalendarFormat.NATIVE, workspace, ImportDefaults.NONE, false, false);

        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.execution().getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("prepareImportStep", "checkCalendarFileStep", "finishImportStep");
        assertThat(outcome.run().fileError()).isEqualTo("broken.csv:10: a quoted field is never closed (the file ends inside quotes)");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(posts()).isEmpty();
    }

    @Test
    void aCrashMidImportResumesFromTheLastCommittedChunkWithoutDuplicates() throws Exception {
        StringBuilder content = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 20; i++) {
            content.append("r").append(i).append(",alice,2030-10-").append(String.format("%02d", i)).append(" 10:00,v/a.mp4,public,Row ")
                    .append(i).append(",video\n");
        }
        Path file = dir.resolve("crash-" + workspace + ".csv");
        Files.writeString(file, content);
        // the database refuses row 11 once, as a crash in the fourth chunk would: chunks 1-3 (rows 1-9) are committed
        jdbc.sql("DROP TRIGGER IF EXISTS import_test_crash").update();
        jdbc.sql("""
                CREATE TRIGGER import_test_crash BEFORE INSERT ON post FOR EACH ROW
                BEGIN
                  IF NEW.external_key = 'id:r11' AND NEW.workspace_id = %d THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash';
                  END IF;
                END""".formatted(workspaceId)).update();
        CalendarImporter.Outcome crashed;
        try {
            crashed = importer.importFile(file, CalendarFormat.NATIVE, workspace, ImportDefaults.NONE, false, false);
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS import_test_crash").update();
        }
        assertThat(crashed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(crashed.exitCode()).isEqualTo(2);
        assertThat(posts()).hasSize(9);

        CalendarImporter.Outcome resumed = importer.importFile(file, CalendarFormat.NATIVE, workspace, ImportDefaults.NONE, false, false);

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.run().id()).isEqualTo(crashed.run().id());
        StepExecution step = Steps.rows(resumed.execution());
        assertThat(step.getReadCount()).isEqualTo(11);
        assertThat(step.getWriteCount()).isEqualTo(11);
        assertThat(step.getSkipCount()).isZero();
        assertThat(posts()).hasSize(20);
        assertThat(posts()).extracting(p -> p.get("external_key")).doesNotHaveDuplicates();
        assertThat(List.of(resumed.run().rowsRead(), resumed.run().rowsCreated(), resumed.run().rowsRejected()))
                .containsExactly(11, 20, 0);
    }

    @Test
    void aResumedImportStillFindsAKeyRepeatedFromBeforeTheCrash() throws Exception {
        StringBuilder content = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 11; i++) {
            content.append("d").append(i).append(",alice,2030-10-").append(String.format("%02d", i)).append(" 10:00,v/a.mp4,public,Row ")
                    .append(i).append(",video\n");
        }
        content.append("D2,alice,2030-10-12 10:00,v/a.mp4,public,Row 12,video\n");
        Path file = dir.resolve("crash-dup-" + workspace + ".csv");
        Files.writeString(file, content);
        jdbc.sql("DROP TRIGGER IF EXISTS import_test_crash").update();
        jdbc.sql("""
                CREATE TRIGGER import_test_crash BEFORE INSERT ON post FOR EACH ROW
                BEGIN
                  IF NEW.external_key = 'id:d11' AND NEW.workspace_id = %d THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash';
                  END IF;
                END""".formatted(workspaceId)).update();
        try {
            importer.importFile(file, CalendarFormat.NATIVE, workspace, ImportDefaults.NONE, false, false);
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS import_test_crash").update();
        }
        assertThat(posts()).hasSize(9);

        CalendarImporter.Outcome resumed = importer.importFile(file, CalendarFormat.NATIVE, workspace, ImportDefaults.NONE, false, false);

        assertThat(resumed.resumed()).isTrue();
        assertThat(List.of(resumed.run().rowsCreated(), resumed.run().rowsUpdated(), resumed.run().rowsRejected()))
                .containsExactly(11, 0, 1);
        assertThat(jdbc.sql("SELECT message FROM import_row_error WHERE import_run_id = ?").param(resumed.run().id())
                .query(String.class).list()).containsExactly("external_id 'D2' is already used on line 3");
        assertThat(posts().stream().filter(p -> p.get("external_key").equals("id:d2")).findFirst().orElseThrow().get("caption"))
                .isEqualTo("Row 2");
    }

    @Test
    void keepsTheMillisecondsOfAnIsoPublishTime() throws Exception {
        Path file = dir.resolve("millis.csv");
        Files.writeString(file, HEADER + "\nms1,alice,2030-09-14T09:30:00.250+02:00,v/a.mp4,public,Millis,video\n");

        JobExecution execution = launcher.run(file, false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(posts()).singleElement().satisfies(p -> {
            assertThat(p.get("publish_at")).isEqualTo(LocalDateTime.parse("2030-09-14T07:30:00.250"));
            assertThat(p.get("next_attempt_at")).isEqualTo(p.get("publish_at"));
        });
    }

    @Test
    void warnsWhenAnAccountGetsMoreDirectPostsThanTheDailyCap() throws Exception {
        StringBuilder content = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 17; i++) {
            content.append("cap").append(i).append(",alice,2030-11-05 ").append(String.format("%02d", 6 + i)).append(":00,v/a.mp4,public,Cap ")
                    .append(i).append(",video\n");
        }
        Path file = dir.resolve("cap.csv");
        Files.writeString(file, content);

        JobExecution execution = launcher.run(file, false);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Steps.rows(execution).getWriteCount()).isEqualTo(17);
        List<String> warnings = jdbc.sql("SELECT message FROM import_row_error WHERE import_run_id = ? AND error_code = 'DAILY_CAP'")
                .param(importRun(execution).id()).query(String.class).list();
        assertThat(warnings).containsExactly("account @alice has 17 direct posts in the 24 h from 2030-11-05T05:00:00Z; TikTok lets "
                + "a creator publish about 15 a day through the API (spam_risk_too_many_posts)");
    }

    @Test
    void theScheduledRunImportsTheOldestInboxFileAndFilesItWithItsReport() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox").resolve(workspace));
        Files.copy(calendar("inbox-source.csv", ""), inbox.resolve("week.csv"));

        JobExecution execution = jobs.startJob(new JobParametersBuilder().addLong("scheduledFireTime", System.nanoTime()).toJobParameters());
        JobExecution idle = jobs.startJob(new JobParametersBuilder().addLong("scheduledFireTime", System.nanoTime()).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Steps.rows(execution).getWriteCount()).isEqualTo(6);
        assertThat(posts()).hasSize(6);
        Path failed = dir.resolve("failed").resolve(workspace);
        assertThat(failed.resolve("week.csv")).exists();
        assertThat(Files.readString(failed.resolve("week.csv.report.txt"))).contains("rejected", "2");
        assertThat(Files.readAllLines(failed.resolve("week.csv.errors.csv"))).hasSize(5);
        assertThat(inbox.resolve("week.csv")).doesNotExist();
        assertThat(idle.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(idle.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("prepareImportStep");
    }
}
