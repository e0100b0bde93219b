package dev.tiktokcalendar.importer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Accounts, a media root and a way to run every check of a file without a database. */
final class CalendarFixtures {

    static final AccountDirectory.Account ALICE = new AccountDirectory.Account(1, "open-alice", "alice",
            ZoneId.of("Europe/Paris"), "ACTIVE", Set.of(), null, null, null);
    static final AccountDirectory.Account BOB = new AccountDirectory.Account(2, "open-bob", "bob",
            ZoneId.of("UTC"), "DISCONNECTED", Set.of(), null, null, null);
    static final AccountDirectory.Account CAROL = new AccountDirectory.Account(3, "open-carol", "Carol",
            ZoneId.of("America/New_York"), "ACTIVE", Set.of("PUBLIC_TO_EVERYONE", "SELF_ONLY"), null, null, null);
    static final AccountDirectory ACCOUNTS = AccountDirectory.of(List.of(ALICE, BOB, CAROL));

    private CalendarFixtures() {
    }

    /** v/a.mp4, v/b.mov, v/clip.avi, p/1.jpg..p/36.jpg, p/x.png, p/huge.jpg (21 MB, sparse), v/empty.mp4. */
    static Path mediaRoot(Path dir) throws IOException {
        Path root = dir.resolve("media");
        Files.createDirectories(root.resolve("v"));
        Files.createDirectories(root.resolve("p"));
        Files.write(root.resolve("v/a.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Files.write(root.resolve("v/b.mov"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Files.write(root.resolve("v/clip.avi"), new byte[] {1});
        Files.write(root.resolve("v/empty.mp4"), new byte[0]);
        for (int i = 1; i <= 36; i++) {
            Files.write(root.resolve("p/" + i + ".jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        }
        Files.write(root.resolve("p/x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        try (RandomAccessFile huge = new RandomAccessFile(root.resolve("p/huge.jpg").toFile(), "rw")) {
            huge.setLength(21L * 1024 * 1024);
        }
        return root;
    }

    /** Every problem (file-level, row errors, row warnings) of a file, as printed to the editor. */
    static List<String> problems(Path file, CalendarFormat format, ImportDefaults defaults, Path mediaRoot) throws Exception {
        String name = file.getFileName().toString();
        try {
            CalendarFileCheck.check(file, format, defaults);
        } catch (CalendarFileException e) {
            return List.of(e.describe(name));
        }
        List<String> problems = new ArrayList<>();
        for (Object outcome : check(file, format, defaults, mediaRoot)) {
            if (outcome instanceof RowRejectedException rejected) {
                rejected.problems().forEach(p -> problems.add(p.describe(name)));
            } else if (outcome instanceof PostDraft draft) {
                draft.warnings().forEach(p -> problems.add(p.describe(name)));
            }
        }
        return problems;
    }

    /** Per data row: the {@link PostDraft}, the {@link RowRejectedException}, or the ignored {@link CalendarRow}. */
    static List<Object> check(Path file, CalendarFormat format, ImportDefaults defaults, Path mediaRoot) throws Exception {
        CalendarRowValidator validator = new CalendarRowValidator(ACCOUNTS, new MediaChecker(mediaRoot));
        List<Object> outcomes = new ArrayList<>();
        try (CalendarRows rows = CalendarRows.open(new ImportRequest(1, file, format, 1, true, defaults, false))) {
            for (CalendarRow row = rows.next(); row != null; row = rows.next()) {
                if (row.ignored() != null) {
                    outcomes.add(row);
                    continue;
                }
                try {
                    outcomes.add(validator.validate(row));
                } catch (RowRejectedException e) {
                    outcomes.add(e);
                }
            }
        }
        return outcomes;
    }
}
