package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.cli.CalendarCli;
import dev.tiktokcalendar.support.DatabaseTest;
import dev.tiktokcalendar.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} as an editor runs it: summary, problems on stderr, the error report, exit codes 0/1/2. */
@SpringBootTest
class ImportCommandTest extends DatabaseTest {

    @TempDir
    Path dir;

    @Autowired
    JdbcClient jdbc;

    String workspace;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void workspace() {
        workspace = "cli-" + System.nanoTime() % 10_000_000;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO workspace (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)").params(workspace, workspace, now, now).update();
        long id = jdbc.sql("SELECT id FROM workspace WHERE slug = ?").param(workspace).query(Long.class).single();
        jdbc.sql("INSERT INTO tiktok_account (workspace_id, open_id, username, zone_id, created_at, updated_at) VALUES (?, ?, 'dana', 'Asia/Tokyo', ?, ?)")
                .params(id, "open-dana-" + workspace, now, now).update();
    }

    private int importCommand(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "import";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--spring.datasource.url=" + TestDatabase.sharedSchemaUrl();
        all[args.length + 2] = "--spring.datasource.username=" + TestDatabase.username();
        all[args.length + 3] = "--spring.datasource.password=" + TestDatabase.password();
        all[args.length + 4] = "--calendar.import.media-root=" + dir;
        return CalendarCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void refusedRowsExitOneWithTheirMessagesAndASpreadsheetSafeReport() throws Exception {
        Path file = dir.resolve("week.csv");
        Files.writeString(file, """
                account,publish_at,media,privacy,caption
                dana,2030-09-14 09:30,https://cdn.example.com/a.mp4,public,Good
                @nobody,2030-09-14 10:30,https://cdn.example.com/b.mp4,public,"=HYPERLINK(""http://x"")"
                """);
        Path report = dir.resolve("errors.csv");

        int exit = importCommand(file.toString(), "--workspace", workspace, "--errors", report.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("week.csv:3: account: no connected account '@nobody' in this workspace");
        assertThat(out.toString()).containsPattern("rows read\\s+2").containsPattern("added\\s+1").containsPattern("rejected\\s+1");
        assertThat(Files.readString(report)).contains("'=HYPERLINK(\"\"http://x\"\")").doesNotContain(",=HYPERLINK");
    }

    @Test
    void aCleanFileExitsZero() throws Exception {
        Path file = dir.resolve("clean.csv");
        Files.writeString(file, "account,publish_at,media,privacy\ndana,2030-09-14 09:30,https://cdn.example.com/a.mp4,public\n");

        assertThat(importCommand(file.toString(), "--workspace", workspace)).isZero();
        assertThat(out.toString()).contains("Imported clean.csv").containsPattern("added\\s+1");
        assertThat(jdbc.sql("SELECT publish_at FROM post p JOIN workspace w ON w.id = p.workspace_id WHERE w.slug = ?")
                .param(workspace).query(LocalDateTime.class).single()).isEqualTo(LocalDateTime.parse("2030-09-14T00:30:00"));
    }

    @Test
    void fileLevelAndUsageErrorsExitTwo() throws Exception {
        Path file = dir.resolve("semicolons.csv");
        Files.writeString(file, "account;publish_at;media\ndana;2030-09-14 09:30;https://cdn.example.com/a.mp4\n");

        assertThat(importCommand(file.toString(), "--workspace", workspace)).isEqualTo(2);
        assertThat(err.toString()).contains("semicolons.csv:1: the header is one single column separated by ';'");
        assertThat(importCommand(file.toString(), "--format", "buffer")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'buffer'");
        assertThat(importCommand(dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.csv: no such file");
    }
}
