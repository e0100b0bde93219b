package dev.tiktokcalendar.importer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad inputs of issue 6, each with the exact message the editor gets (file, line, column, reason).
 * Good rows around a bad one stay good: most files below hold a valid row too, which must raise nothing.
 */
class BadCalendarInputTest {

    @TempDir
    static Path dir;
    static Path media;

    static final String HEADER = "account,publish_at,media,privacy,caption";
    static final String GOOD = "alice,2030-09-14 09:30,v/a.mp4,public,fine";

    record Case(String name, byte[] content, CalendarFormat format, ImportDefaults defaults, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void media() throws Exception {
        media = CalendarFixtures.mediaRoot(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputGetsItsPreciseMessage(Case c) throws Exception {
        Path file = dir.resolve("cal.csv");
        Files.write(file, c.content());

        List<String> problems = CalendarFixtures.problems(file, c.format(), c.defaults(), media);

        assertThat(problems).containsExactlyElementsOf(c.expected());
    }

    static Stream<Case> cases() {
        String caption2201 = "x".repeat(2201);
        String emoji1101 = "\uD83D\uDE00".repeat(1101);
        String tenMegabytes = "y".repeat(10 * 1024 * 1024);
        String photos36 = String.join("|", java.util.stream.IntStream.rangeClosed(1, 36).mapToObj(i -> "p/" + i + ".jpg").toList());
        return Stream.of(
                // --- file level: nothing is imported
                file("empty file", new byte[0], "cal.csv: is empty: expected a header row and calendar rows"),
                file("only a UTF-8 BOM", bytes(0xEF, 0xBB, 0xBF), "cal.csv: is empty: expected a header row and calendar rows"),
                file("blank lines only", utf8("\n\n,,,\n"), "cal.csv: is empty: expected a header row and calendar rows"),
                file("header only", utf8(HEADER + "\n"), "cal.csv: has a header row but no calendar rows"),
                file("UTF-16 with BOM", concat(bytes(0xFF, 0xFE), HEADER.getBytes(StandardCharsets.UTF_16LE)),
                        "cal.csv: is UTF-16 (it starts with a UTF-16 byte-order mark); save it as \"CSV UTF-8\""),
                file("Latin-1 accent", concat(utf8(HEADER + "\n" + GOOD + "\nalice,2030-09-14 10:30,v/a.mp4,public,caf"), bytes(0xE9, '\n')),
                        "cal.csv:3: is not valid UTF-8 (byte 0xE9 at byte offset 125); save it as \"CSV UTF-8\""),
                file("an xlsx workbook", bytes(0x50, 0x4B, 0x03, 0x04, 0x14, 0x00),
                        "cal.csv: is a ZIP archive (an .xlsx workbook?), not a CSV; export it as \"CSV UTF-8\""),
                file("an xls workbook", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1),
                        "cal.csv: is an Excel 97-2003 workbook (.xls), not a CSV; export it as \"CSV UTF-8\""),
                file("NUL bytes", concat(utf8(HEADER + "\n"), bytes('a', 0, 'b', '\n')),
                        "cal.csv:2: contains a NUL character: it is not a text CSV file"),
                file("semicolon separated", utf8("account;publish_at;media\nalice;2030-09-14 09:30;v/a.mp4\n"),
                        "cal.csv:1: the header is one single column separated by ';'; the file must be comma-separated "
                                + "(save it as \"CSV UTF-8 (comma delimited)\")"),
                file("tab separated", utf8("account\tpublish_at\tmedia\nalice\t2030-09-14 09:30\tv/a.mp4\n"),
                        "cal.csv:1: the header is one single column separated by '\\t'; the file must be comma-separated "
                                + "(save it as \"CSV UTF-8 (comma delimited)\")"),
                file("unknown column", utf8("account,publish_at,media,privacy,hashtags\n" + GOOD + "\n"),
                        "cal.csv:1: unknown column 'hashtags'; the native columns are external_id, account, publish_at, timezone, "
                                + "type, media, caption, title, privacy, allow_comments, allow_duet, allow_stitch, cover_ms, "
                                + "disclosure, ai_generated, auto_add_music, cover_index, mode"),
                file("duplicate column", utf8("account,publish_at,media,Account\nalice,2030-09-14 09:30,v/a.mp4,bob\n"),
                        "cal.csv:1: column 'account' appears twice in the header"),
                file("missing media column", utf8("account,publish_at,privacy\nalice,2030-09-14 09:30,public\n"),
                        "cal.csv:1: missing required column 'media'"),
                file("missing account column", utf8("publish_at,media,privacy\n2030-09-14 09:30,v/a.mp4,public\n"),
                        "cal.csv:1: missing required column 'account' (or give --account)"),
                file("quote never closed", utf8(HEADER + "\n" + GOOD + "\nalice,2030-09-14 10:30,v/a.mp4,public,\"never closed\n"
                        + GOOD + "\n"), "cal.csv:3: a quoted field is never closed (the file ends inside quotes)"),
                file("text after a closing quote", utf8(HEADER + "\n" + GOOD + "\nalice,2030-09-14 10:30,v/a.mp4,public,\"say \"hi\" now\"\n"),
                        "cal.csv:3: broken quoting: text follows a closing quote (a quote inside a quoted field must be doubled: \"\")"),
                file("Hootsuite file with a header", utf8("Date,Message,URL\n14/09/2030 09:30,hi,https://cdn.example.com/a.mp4\n"),
                        CalendarFormat.HOOTSUITE, new ImportDefaults("alice", null, "public", true),
                        "cal.csv:1: Hootsuite bulk files have no header row, but line 1 looks like one ('Date'); remove it"),
                file("Publer file without Date", utf8("Text,Media URL(s)\nhi,https://cdn.example.com/a.mp4\n"),
                        CalendarFormat.PUBLER, new ImportDefaults("alice", null, "public", true),
                        "cal.csv:1: missing required column 'Date' of the Publer format"),

                // --- row level: the row is refused, the others are kept
                rows("fewer fields than the header", HEADER + "\n" + GOOD + "\nalice,2030-09-14 10:30,v/a.mp4\n",
                        "cal.csv:3: the row has 3 fields but the header has 5 (an unquoted comma, or a missing field?)"),
                rows("more fields than the header", HEADER + "\n" + GOOD + "\nalice,2030-09-14 10:30,v/a.mp4,public,Hi, all\n",
                        "cal.csv:3: the row has 6 fields but the header has 5 (an unquoted comma, or a missing field?)"),
                rows("a date that does not exist", HEADER + "\nalice,2030-02-30 10:00,v/a.mp4,public,x\n",
                        "cal.csv:2: publish_at: '2030-02-30 10:00' is not a valid date-time (Invalid date 'FEBRUARY 30'): use "
                                + "YYYY-MM-DD HH:MM[:SS] in the row's zone, or ISO-8601 with an offset (2026-09-14T09:30:00+02:00)"),
                rows("a day-first date", HEADER + "\nalice,14/09/2030 10:00,v/a.mp4,public,x\n",
                        "cal.csv:2: publish_at: '14/09/2030 10:00' is not a valid date-time: use YYYY-MM-DD HH:MM[:SS] in "
                                + "the row's zone, or ISO-8601 with an offset (2026-09-14T09:30:00+02:00)"),
                rows("natural language", HEADER + "\nalice,next monday 9am,v/a.mp4,public,x\n",
                        "cal.csv:2: publish_at: 'next monday 9am' is not a valid date-time: use YYYY-MM-DD HH:MM[:SS] in "
                                + "the row's zone, or ISO-8601 with an offset (2026-09-14T09:30:00+02:00)"),
                rows("25 o'clock", HEADER + "\nalice,2030-09-14 25:00,v/a.mp4,public,x\n",
                        "cal.csv:2: publish_at: '2030-09-14 25:00' is not a valid date-time (Invalid value for HourOfDay (valid values 0 - 23): 25): use YYYY-MM-DD HH:MM[:SS] in "
                                + "the row's zone, or ISO-8601 with an offset (2026-09-14T09:30:00+02:00)"),
                rows("missing publish_at", HEADER + "\nalice,,v/a.mp4,public,x\n", "cal.csv:2: publish_at: publish_at is required"),
                rows("unknown zone", "account,publish_at,timezone,media,privacy\nalice,2030-09-14 09:30,Europe/Pariss,v/a.mp4,public\n",
                        "cal.csv:2: timezone: 'Europe/Pariss' is not an IANA time zone id (such as Europe/Paris or America/New_York)"),
                rows("a fixed offset as zone", "account,publish_at,timezone,media,privacy\nalice,2030-09-14 09:30,+02:00,v/a.mp4,public\n",
                        "cal.csv:2: timezone: '+02:00' is a fixed offset, not an IANA time zone; use a region id such as Europe/Paris"),
                rows("DST gap (warning)", HEADER + "\nalice,2030-03-31 02:30,v/a.mp4,public,x\n",
                        "cal.csv:2: publish_at: warning: 2030-03-31 02:30 does not exist in Europe/Paris (clocks go forward "
                                + "60 min at 2030-03-31 02:00); scheduled at 2030-03-31 03:30 +02:00 instead"),
                rows("DST overlap (warning)", HEADER + "\nalice,2030-10-27 02:30,v/a.mp4,public,x\n",
                        "cal.csv:2: publish_at: warning: 2030-10-27 02:30 happens twice in Europe/Paris (clocks go back at "
                                + "2030-10-27 03:00); took the earlier one, +02:00 (2030-10-27T00:30:00Z)"),
                rows("caption over 2200", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4,public," + caption2201 + "\n",
                        "cal.csv:2: caption: caption is 2201 UTF-16 units long (emoji count as 2); TikTok takes at most 2200 for a video caption"),
                rows("emoji caption over 2200 units", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4,public," + emoji1101 + "\n",
                        "cal.csv:2: caption: caption is 2202 UTF-16 units long (emoji count as 2); TikTok takes at most 2200 for a video caption"),
                rows("a 10 MB single field", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4,public,\"" + tenMegabytes + "\"\n",
                        "cal.csv:2: caption: caption is 10485760 UTF-16 units long (emoji count as 2); TikTok takes at most 2200 for a video caption"),
                rows("photo title over 90", "account,publish_at,type,media,privacy,title\nalice,2030-09-14 09:30,photo,p/1.jpg,public," + "t".repeat(91) + "\n",
                        "cal.csv:2: title: title is 91 UTF-16 units long (emoji count as 2); TikTok takes at most 90 for a photo title"),
                rows("title on a video", "account,publish_at,media,privacy,title\nalice,2030-09-14 09:30,v/a.mp4,public,Hello\n",
                        "cal.csv:2: title: title is for photo posts only; a video's text goes in caption"),
                rows("unknown account", HEADER + "\n@mallory,2030-09-14 09:30,v/a.mp4,public,x\n" + GOOD + "\n",
                        "cal.csv:2: account: no connected account '@mallory' in this workspace (a username or open_id; connect it first)"),
                rows("disconnected account", HEADER + "\n@bob,2030-09-14 09:30,v/a.mp4,public,x\n",
                        "cal.csv:2: account: account @bob is disconnected; reconnect it before scheduling posts"),
                rows("formula in the account cell", HEADER + "\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",2030-09-14 09:30,v/a.mp4,public,x\n",
                        "cal.csv:2: account: no connected account '=HYPERLINK(\"http://evil\",\"x\")' in this workspace (a username or open_id; connect it first)"),
                rows("formula-looking caption (warning)", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4,public,=1+1 reasons\n",
                        "cal.csv:2: caption: warning: caption starts with '=': a spreadsheet may have treated it as a formula; "
                                + "it will be posted exactly as written"),
                rows("missing media file", HEADER + "\nalice,2030-09-14 09:30,v/missing.mp4,public,x\n",
                        "cal.csv:2: media: 'v/missing.mp4' does not exist under the media root " + media),
                rows("media path escaping the root", HEADER + "\nalice,2030-09-14 09:30,../../etc/passwd.mp4,public,x\n",
                        "cal.csv:2: media: '../../etc/passwd.mp4' points outside the media root; give a path relative to the media root"),
                rows("absolute media path", HEADER + "\nalice,2030-09-14 09:30,/etc/video.mp4,public,x\n",
                        "cal.csv:2: media: '/etc/video.mp4' points outside the media root; give a path relative to the media root"),
                rows("media directory", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4/..,public,x\n",
                        "cal.csv:2: media: 'v/a.mp4/..' is not a video TikTok takes (mp4, mov, webm)"),
                rows("empty media file", HEADER + "\nalice,2030-09-14 09:30,v/empty.mp4,public,x\n",
                        "cal.csv:2: media: 'v/empty.mp4' is an empty file"),
                rows("http media URL", HEADER + "\nalice,2030-09-14 09:30,http://cdn.example.com/a.mp4,public,x\n",
                        "cal.csv:2: media: 'http://cdn.example.com/a.mp4' is http; TikTok pulls media only over https"),
                rows("broken https URL", HEADER + "\nalice,2030-09-14 09:30,https:// bad host/a.mp4,public,x\n",
                        "cal.csv:2: media: 'https:// bad host/a.mp4' is not a valid https URL"),
                rows("video of an unsupported type", HEADER + "\nalice,2030-09-14 09:30,v/clip.avi,public,x\n",
                        "cal.csv:2: media: 'v/clip.avi' is not a video TikTok takes (mp4, mov, webm)"),
                rows("PNG photo", "account,publish_at,type,media,privacy\nalice,2030-09-14 09:30,photo,p/1.jpg|p/x.png,public\n",
                        "cal.csv:2: media: 'p/x.png' is not a photo TikTok takes (jpg, jpeg, webp; convert PNG to JPEG or WebP)"),
                rows("photo over 20 MB", "account,publish_at,type,media,privacy\nalice,2030-09-14 09:30,photo,p/huge.jpg,public\n",
                        "cal.csv:2: media: 'p/huge.jpg' is 22020096 bytes; TikTok takes photos up to 20 MB"),
                rows("36 photos", "account,publish_at,type,media,privacy\nalice,2030-09-14 09:30,photo," + photos36 + ",public\n",
                        "cal.csv:2: media: a photo post takes 1 to 35 images, found 36"),
                rows("two videos in one post", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4|v/b.mov,public,x\n",
                        "cal.csv:2: media: a video post takes exactly one media file, found 2 (for a photo carousel set type to photo)"),
                rows("empty item in a carousel", "account,publish_at,type,media,privacy\nalice,2030-09-14 09:30,photo,p/1.jpg||p/2.jpg,public\n",
                        "cal.csv:2: media: media item 2 of 3 is empty"),
                rows("bad privacy", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4,everyone,x\n",
                        "cal.csv:2: privacy: 'everyone' is not a privacy level: use PUBLIC_TO_EVERYONE, MUTUAL_FOLLOW_FRIENDS, "
                                + "FOLLOWER_OF_CREATOR, SELF_ONLY (or public, friends, followers, private)"),
                rows("privacy the account does not offer", HEADER + "\ncarol,2030-09-14 09:30,v/a.mp4,followers,x\n",
                        "cal.csv:2: privacy: account @Carol does not offer FOLLOWER_OF_CREATOR; it offers PUBLIC_TO_EVERYONE, SELF_ONLY"),
                rows("direct post without privacy", HEADER + "\nalice,2030-09-14 09:30,v/a.mp4,,x\n",
                        "cal.csv:2: privacy: privacy is required for direct posts (TikTok has no default); add a privacy column or pass --privacy"),
                rows("bad boolean", "account,publish_at,media,privacy,allow_comments\nalice,2030-09-14 09:30,v/a.mp4,public,maybe\n",
                        "cal.csv:2: allow_comments: 'maybe' is not true/false (also yes/no, 1/0)"),
                rows("bad type", "account,publish_at,type,media,privacy\nalice,2030-09-14 09:30,reel,v/a.mp4,public\n",
                        "cal.csv:2: type: 'reel' is not a valid type: use video or photo"),
                rows("bad mode", "account,publish_at,mode,media,privacy\nalice,2030-09-14 09:30,draft,v/a.mp4,public\n",
                        "cal.csv:2: mode: 'draft' is not a valid mode: use direct or inbox"),
                rows("bad disclosure", "account,publish_at,media,privacy,disclosure\nalice,2030-09-14 09:30,v/a.mp4,public,sponsored\n",
                        "cal.csv:2: disclosure: 'sponsored' is not a valid disclosure: use none, your_brand, branded or both"),
                rows("cover index out of range", "account,publish_at,type,media,privacy,cover_index\nalice,2030-09-14 09:30,photo,p/1.jpg|p/2.jpg,public,2\n",
                        "cal.csv:2: cover_index: cover_index 2 is out of range: the post has 2 images (0 to 1)"),
                rows("negative cover_ms", "account,publish_at,media,privacy,cover_ms\nalice,2030-09-14 09:30,v/a.mp4,public,-5\n",
                        "cal.csv:2: cover_ms: '-5' is not a whole number of milliseconds (0 to 2147483647)"),
                rows("duets on a photo", "account,publish_at,type,media,privacy,allow_duet\nalice,2030-09-14 09:30,photo,p/1.jpg,public,yes\n",
                        "cal.csv:2: allow_duet: photo posts cannot allow duets"),
                rows("external_id too long", "external_id,account,publish_at,media,privacy\n" + "k".repeat(151) + ",alice,2030-09-14 09:30,v/a.mp4,public\n",
                        "cal.csv:2: external_id: external_id is 151 characters long; at most 150"),
                rows("duplicate external_id", "external_id,account,publish_at,media,privacy\nw1,alice,2030-09-14 09:30,v/a.mp4,public\n"
                                + "w2,alice,2030-09-15 09:30,v/a.mp4,public\nW1,carol,2030-09-16 09:30,v/b.mov,public\n",
                        "cal.csv:4: external_id: external_id 'W1' is already used on line 2"),
                rows("same account, time and media twice", HEADER + "\n" + GOOD + "\n@Alice,2030-09-14 09:30,v/a.mp4,public,other text\n",
                        "cal.csv:3: publish_at: same account, time and media as line 2"),
                rows("several problems in one row", HEADER + "\nnobody,2030-13-01 10:00,v/clip.avi,secret,x\n",
                        "cal.csv:2: account: no connected account 'nobody' in this workspace (a username or open_id; connect it first)",
                        "cal.csv:2: publish_at: '2030-13-01 10:00' is not a valid date-time (Invalid value for MonthOfYear (valid values 1 - 12): 13): use "
                                + "YYYY-MM-DD HH:MM[:SS] in the row's zone, or ISO-8601 with an offset (2026-09-14T09:30:00+02:00)",
                        "cal.csv:2: media: 'v/clip.avi' is not a video TikTok takes (mp4, mov, webm)",
                        "cal.csv:2: privacy: 'secret' is not a privacy level: use PUBLIC_TO_EVERYONE, MUTUAL_FOLLOW_FRIENDS, "
                                + "FOLLOWER_OF_CREATOR, SELF_ONLY (or public, friends, followers, private)"),
                rows("Sprout date in the wrong order", "date,time_24hr,message_text,media_url\n09/31/2030,09:30,hi,https://cdn.example.com/a.mp4\n",
                        CalendarFormat.SPROUT, new ImportDefaults("alice", null, "public", true),
                        "cal.csv:2: date: '09/31/2030' is not a date in dd/mm/yyyy (or yyyy-mm-dd); for month-first files use --date-order mdy"),
                rows("Metricool bad flag", "Text,Date,Time,TikTok,Picture Url 1,TikTok Post Privacy,TikTok disable duet\n"
                                + "hi,2030-09-14,09:30:00,TRUE,https://cdn.example.com/a.mp4,PUBLIC_TO_EVERYONE,sometimes\n",
                        CalendarFormat.METRICOOL, new ImportDefaults("alice", null, null, true),
                        "cal.csv:2: TikTok disable duet: 'sometimes' is not true/false (also yes/no, 1/0)")
        );
    }

    private static Case file(String name, byte[] content, String expected) {
        return new Case(name, content, CalendarFormat.NATIVE, ImportDefaults.NONE, List.of(expected));
    }

    private static Case file(String name, byte[] content, CalendarFormat format, ImportDefaults defaults, String expected) {
        return new Case(name, content, format, defaults, List.of(expected));
    }

    private static Case rows(String name, String content, String... expected) {
        return new Case(name, utf8(content), CalendarFormat.NATIVE, ImportDefaults.NONE, List.of(expected));
    }

    private static Case rows(String name, String content, CalendarFormat format, ImportDefaults defaults, String... expected) {
        return new Case(name, utf8(content), format, defaults, List.of(expected));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
