package dev.tiktokcalendar.importer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader that checks rows on its own thread: order, restart state, failures and closing. */
class CheckAheadRowReaderTest {

    @TempDir
    static Path dir;
    static Path media;

    @BeforeAll
    static void media() throws Exception {
        media = CalendarFixtures.mediaRoot(dir);
    }

    private static Path file(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static CheckAheadRowReader reader(Path file, int rowsAhead) {
        CheckAheadRowReader reader = new CheckAheadRowReader(new ImportRequest(1, file, CalendarFormat.NATIVE, 1, false,
                ImportDefaults.NONE, false), new CalendarRowValidator(CalendarFixtures.ACCOUNTS, new MediaChecker(media)),
                java.util.function.UnaryOperator.identity(), rowsAhead);
        reader.setName("calendarRowReader");
        return reader;
    }

    private static List<CheckedRow> readAll(CheckAheadRowReader reader) throws Exception {
        List<CheckedRow> rows = new ArrayList<>();
        for (CheckedRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }

    private static boolean checkThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("calendar-check-1") && t.isAlive());
    }

    @Test
    void handsOutTheRowsInFileOrderWithTheirDraftOrRefusal() throws Exception {
        Path file = file("order.csv", """
                external_id,account,publish_at,media,privacy
                a,alice,2030-09-14 09:30,v/a.mp4,public
                b,mallory,2030-09-14 10:30,v/a.mp4,public
                c,carol,2030-09-14 11:30,v/b.mov,private
                """);
        CheckAheadRowReader reader = reader(file, 1);
        reader.open(new ExecutionContext());
        List<CheckedRow> rows;
        try {
            rows = readAll(reader);
            assertThat(reader.read()).isNull();
        } finally {
            reader.close();
        }

        assertThat(rows).extracting(r -> r.row().line()).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(0).draft().externalKey()).isEqualTo("id:a");
        assertThat(rows.get(1).rejection().problems()).extracting(RowProblem::code).containsExactly("UNKNOWN_ACCOUNT");
        assertThat(rows.get(2).draft().accountId()).isEqualTo(CalendarFixtures.CAROL.id());
        assertThat(checkThreadAlive()).isFalse();
    }

    @Test
    void itsRestartStateIsTheRowsHandedOutAndARestartChecksTheSkippedRowsAgain() throws Exception {
        Path file = file("restart.csv", """
                external_id,account,publish_at,media,privacy
                a,alice,2030-09-14 09:30,v/a.mp4,public
                b,alice,2030-09-14 10:30,v/a.mp4,public
                c,alice,2030-09-14 11:30,v/a.mp4,public
                A,alice,2030-09-14 12:30,v/a.mp4,public
                """);
        CheckAheadRowReader first = reader(file, 10);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        try {
            first.read();
            first.read();
            first.update(context);
        } finally {
            first.close();
        }
        assertThat(context.getInt("calendarRowReader.read.count")).isEqualTo(2);

        CheckAheadRowReader restarted = reader(file, 10);
        restarted.open(context);
        List<CheckedRow> rest;
        try {
            rest = readAll(restarted);
        } finally {
            restarted.close();
        }

        assertThat(rest).extracting(r -> r.row().line()).containsExactly(4L, 5L);
        assertThat(rest.get(1).rejection().problems()).extracting(RowProblem::reason)
                .containsExactly("external_id 'A' is already used on line 2");
    }

    @Test
    void aFileThatGoesBadAfterItsCheckFailsTheReadWhereItWentBad() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes("account,publish_at,media,privacy\n".getBytes(StandardCharsets.UTF_8));
        // more than the decoder's block ahead of the bad byte, so the first rows decode
        for (int i = 0; i < 3_000; i++) {
            content.writeBytes(("alice,2030-09-14 09:30,v/a.mp4,public," + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        content.writeBytes(new byte[] {'a', 'l', 'i', 'c', 'e', ',', (byte) 0xC3, '(', '\n'});
        Path file = dir.resolve("bad-later.csv");
        Files.write(file, content.toByteArray());
        CheckAheadRowReader reader = reader(file, 10);
        reader.open(new ExecutionContext());
        int rows = 0;
        try {
            assertThatThrownBy(() -> {
                while (reader.read() != null) {
                    // read up to the bad byte
                }
            }).isInstanceOf(CalendarFileException.class).hasMessageContaining("is not valid UTF-8");
            rows = reader.getCurrentItemCount();
        } finally {
            reader.close();
        }
        assertThat(rows).isPositive();
        assertThat(checkThreadAlive()).isFalse();
    }

    @Test
    void closingStopsTheCheckThreadWhileRowsAreLeft() throws Exception {
        StringBuilder content = new StringBuilder("external_id,account,publish_at,media,privacy\n");
        for (int i = 0; i < 5_000; i++) {
            content.append("k").append(i).append(",alice,2030-09-14 09:30,v/a.mp4,public\n");
        }
        CheckAheadRowReader reader = reader(file("long.csv", content.toString()), 2);
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isNotNull();

        reader.close();

        assertThat(checkThreadAlive()).isFalse();
    }
}
