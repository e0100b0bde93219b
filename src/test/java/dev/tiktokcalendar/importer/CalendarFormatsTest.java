package dev.tiktokcalendar.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample calendars of jobs/import-calendar/samples, native and each preset, read into posts. */
class CalendarFormatsTest {

    static final Path SAMPLES = Path.of("jobs/import-calendar/samples");

    @TempDir
    Path dir;

    @Test
    void nativeSampleWithQuotedCommasQuotesNewlinesEmojiAndEveryColumn() throws Exception {
        List<PostDraft> posts = drafts("native.csv", CalendarFormat.NATIVE, ImportDefaults.NONE);

        assertThat(posts).hasSize(4);
        PostDraft video = posts.get(0);
        assertThat(video.externalKey()).isEqualTo("id:spring-01");
        assertThat(video.accountId()).isEqualTo(CalendarFixtures.ALICE.id());
        assertThat(video.publishAt()).isEqualTo(Instant.parse("2030-09-14T07:30:00Z")); // Europe/Paris, the account's zone
        assertThat(video.zone()).isEqualTo("Europe/Paris");
        assertThat(video.caption()).isEqualTo("Three ways to style it 🌸 #spring #fyp");
        assertThat(video.privacy()).isEqualTo("PUBLIC_TO_EVERYONE");
        assertThat(video.allowComment()).isTrue();
        assertThat(video.allowDuet()).isTrue();
        assertThat(video.allowStitch()).isFalse();
        assertThat(video.coverMs()).isEqualTo(1500);

        PostDraft photo = posts.get(1);
        assertThat(photo.type()).isEqualTo("PHOTO");
        assertThat(photo.publishAt()).isEqualTo(Instant.parse("2030-09-14T16:00:00Z"));
        assertThat(photo.caption()).isEqualTo("Behind the scenes, part \"two\"\nwith a second line");
        assertThat(photo.title()).isEqualTo("Behind the scenes");
        assertThat(photo.media()).extracting(MediaChecker.Media::source)
                .containsExactly("https://cdn.example.com/p/a.jpg", "https://cdn.example.com/p/b.webp");
        assertThat(photo.coverIndex()).isEqualTo(1);
        assertThat(photo.autoAddMusic()).isTrue();
        assertThat(photo.brandOrganic()).isTrue();
        assertThat(photo.brandContent()).isFalse();

        PostDraft inbox = posts.get(2);
        assertThat(inbox.mode()).isEqualTo("INBOX");
        assertThat(inbox.privacy()).isNull();
        assertThat(inbox.accountId()).isEqualTo(CalendarFixtures.CAROL.id()); // found by open_id
        assertThat(inbox.publishAt()).isEqualTo(Instant.parse("2030-09-15T12:00:00Z"));

        PostDraft branded = posts.get(3);
        assertThat(branded.brandContent()).isTrue();
        assertThat(branded.aigc()).isTrue();
        assertThat(branded.caption()).isEqualTo("Sale, sale, sale!");
    }

    @Test
    void publerPresetTakesTheAccountAndPrivacyFromOptions() throws Exception {
        List<PostDraft> posts = drafts("publer.csv", CalendarFormat.PUBLER, new ImportDefaults("alice", null, "public", true));

        assertThat(posts).extracting(PostDraft::type).containsExactly("VIDEO", "PHOTO");
        assertThat(posts.get(0).publishAt()).isEqualTo(Instant.parse("2030-09-14T07:30:00Z"));
        assertThat(posts.get(1).media()).hasSize(2);
        assertThat(posts.get(1).title()).isEqualTo("Our week");
        assertThat(posts).allSatisfy(p -> assertThat(p.externalKey()).startsWith("auto:"));
    }

    @Test
    void sproutPresetReadsDayFirstDatesInTheGivenZone() throws Exception {
        List<PostDraft> posts = drafts("sprout.csv", CalendarFormat.SPROUT,
                new ImportDefaults("carol", "Europe/London", "private", true));

        assertThat(posts).extracting(PostDraft::publishAt)
                .containsExactly(Instant.parse("2030-09-14T08:30:00Z"), Instant.parse("2030-09-15T16:45:00Z"));
        assertThat(posts).extracting(PostDraft::zone).containsOnly("Europe/London");
        assertThat(posts.get(0).caption()).isEqualTo("Behind the scenes of our shoot");
    }

    @Test
    void hootsuitePresetHasNoHeaderAndCanReadMonthFirst() throws Exception {
        List<PostDraft> dayFirst = drafts("hootsuite.csv", CalendarFormat.HOOTSUITE, new ImportDefaults("alice", null, "public", true));
        assertThat(dayFirst).hasSize(2);
        assertThat(dayFirst.get(1).caption()).isEqualTo("Part two, with a comma");
        assertThat(dayFirst.get(0).publishAt()).isEqualTo(Instant.parse("2030-09-14T07:30:00Z"));

        List<Object> monthFirst = CalendarFixtures.check(SAMPLES.resolve("hootsuite.csv"), CalendarFormat.HOOTSUITE,
                new ImportDefaults("alice", null, "public", false), CalendarFixtures.mediaRoot(dir));
        assertThat(monthFirst).allSatisfy(o -> assertThat(o).isInstanceOf(RowRejectedException.class));
    }

    @Test
    void metricoolPresetMapsTikTokColumnsAndIgnoresRowsNotForTikTok() throws Exception {
        List<Object> outcomes = CalendarFixtures.check(SAMPLES.resolve("metricool.csv"), CalendarFormat.METRICOOL,
                new ImportDefaults("alice", null, null, true), CalendarFixtures.mediaRoot(dir));

        assertThat(outcomes).hasSize(3);
        PostDraft video = (PostDraft) outcomes.get(0);
        assertThat(video.allowDuet()).isFalse();       // TikTok disable duet = TRUE
        assertThat(video.allowComment()).isTrue();     // TikTok disable comments = FALSE
        assertThat(video.allowStitch()).isTrue();
        assertThat(video.privacy()).isEqualTo("PUBLIC_TO_EVERYONE");
        PostDraft photo = (PostDraft) outcomes.get(1);
        assertThat(photo.type()).isEqualTo("PHOTO");
        assertThat(photo.title()).isEqualTo("Photo dump");
        assertThat(photo.privacy()).isEqualTo("SELF_ONLY");
        assertThat(photo.brandOrganic()).isTrue();
        assertThat(photo.autoAddMusic()).isTrue();
        assertThat(photo.coverIndex()).isEqualTo(1);
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(CalendarRow.class,
                row -> assertThat(row.ignored()).isEqualTo("its TikTok column is FALSE"));
    }

    @Test
    void aUtf8ByteOrderMarkAndExcelLineEndingsAreFineAndLinesCountPhysicalLines() throws Exception {
        Path file = dir.resolve("excel.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ("account,publish_at,media,privacy,caption\r\n"
                + "alice,2030-09-14 09:30,https://cdn.example.com/a.mp4,public,\"two\r\nlines\"\r\n"
                + "alice,2030-09-14 10:30,https://cdn.example.com/b.mp4,secret,x\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, java.nio.ByteBuffer.allocate(bom.length + text.length).put(bom).put(text).array());

        List<String> problems = CalendarFixtures.problems(file, CalendarFormat.NATIVE, ImportDefaults.NONE, CalendarFixtures.mediaRoot(dir));

        assertThat(problems).containsExactly("excel.csv:4: privacy: 'secret' is not a privacy level: use PUBLIC_TO_EVERYONE, "
                + "MUTUAL_FOLLOW_FRIENDS, FOLLOWER_OF_CREATOR, SELF_ONLY (or public, friends, followers, private)");
    }

    private List<PostDraft> drafts(String sample, CalendarFormat format, ImportDefaults defaults) throws Exception {
        List<Object> outcomes = CalendarFixtures.check(SAMPLES.resolve(sample), format, defaults, CalendarFixtures.mediaRoot(dir));
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(PostDraft.class));
        assertThat(CalendarFixtures.problems(SAMPLES.resolve(sample), format, defaults, CalendarFixtures.mediaRoot(dir.resolve("again"))))
                .isEmpty();
        return outcomes.stream().map(PostDraft.class::cast).toList();
    }
}
