package dev.tiktokcalendar.jobs.report;

import dev.tiktokcalendar.calendar.PostState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain unit tests of the report's building blocks. */
class ReportPiecesTest {

    @Test
    void htmlEscapeNeutralisesMarkupQuotesAndControlCharacters() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&\u0007</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;\uFFFD&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void htmlLinksOnlyHttpUrls() {
        assertThat(Html.link("https://www.tiktok.com/@a/video/1?x=1&y=\"2\""))
                .isEqualTo("<a href=\"https://www.tiktok.com/@a/video/1?x=1&amp;y=&quot;2&quot;\">"
                        + "https://www.tiktok.com/@a/video/1?x=1&amp;y=&quot;2&quot;</a>");
        assertThat(Html.link("javascript:alert(1)")).isEqualTo("javascript:alert(1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    void formulaCellsGetALeadingApostrophe(String cell) {
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo("'" + cell);
    }

    @Test
    void ordinaryCellsAreKept() {
        assertThat(SpreadsheetSafe.cell("a = b")).isEqualTo("a = b");
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
        assertThat(SpreadsheetSafe.cell(null)).isEmpty();
    }

    @Test
    void everyStateHasABucketAndPendingStatesAreStillPending() {
        for (PostState state : PostState.values()) {
            ReportBucket bucket = ReportBucket.of(state);
            assertThat(bucket == ReportBucket.PENDING).as(state.name())
                    .isEqualTo(state.isPending() && state != PostState.DEFERRED && state != PostState.UNKNOWN
                            && state != PostState.PUBLISHED_NO_PUBLIC_ID);
        }
    }

    @Test
    void actionsComeFromTheCodeThenTheStoredActionThenTheBucket() {
        assertThat(FailureActions.forPost(ReportBucket.FAILED, "FRAME_RATE_CHECK_FAILED", "ignored", "ACTIVE"))
                .contains("30 fps");
        assertThat(FailureActions.forPost(ReportBucket.FAILED, "something_new", "Call the creator", "ACTIVE"))
                .isEqualTo("Call the creator");
        assertThat(FailureActions.forPost(ReportBucket.FAILED, "something_new", null, "ACTIVE"))
                .contains("something_new").contains("log_id");
        assertThat(FailureActions.forPost(ReportBucket.HELD, null, null, "NEEDS_REAUTH")).isEqualTo(FailureActions.RECONNECT);
        assertThat(FailureActions.forCode("url_ownership_unverified")).contains("media domain");
        assertThat(FailureActions.forCode("spam_risk_text")).contains("caption");
    }

    @Test
    void latenessUsesNearestRankPercentiles() {
        LongList values = new LongList();
        for (long v = 100; v >= 1; v--) {
            values.add(v);
        }
        assertThat(values.lateness()).isEqualTo(new ReportSummary.Lateness(100, 50L, 95L, 100L));
        assertThat(new LongList().lateness()).isEqualTo(new ReportSummary.Lateness(0, null, null, null));
    }

    @Test
    void theDayDefaultsToTheDayBeforeTheTickInTheReportZone() {
        ReportProperties properties = new ReportProperties(Path.of("out"), ZoneId.of("America/New_York"),
                Duration.ofDays(7), Duration.ofHours(6), 100);
        Clock clock = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);
        // 02:00 in New York on 14 March 2031 is 06:00 UTC
        long tick = Instant.parse("2031-03-14T06:00:00Z").toEpochMilli();

        ReportRequest request = ReportRequest.resolve(null, tick, "", null, properties, clock);

        assertThat(request.date()).isEqualTo(LocalDate.of(2031, 3, 13));
        assertThat(request.workspace()).isNull();
        assertThat(request.dayStart()).isEqualTo(Instant.parse("2031-03-13T04:00:00Z"));
        assertThat(request.dayEnd()).isEqualTo(Instant.parse("2031-03-14T04:00:00Z"));
        // the spring-forward day has 23 hours
        ReportRequest dstDay = ReportRequest.resolve("2031-03-09", tick, null, null, properties, clock);
        assertThat(dstDay.dayStart()).isEqualTo(Instant.parse("2031-03-09T05:00:00Z"));
        assertThat(dstDay.dayEnd()).isEqualTo(Instant.parse("2031-03-10T04:00:00Z"));
        assertThat(ReportRequest.safeName("../etc")).isEqualTo("_.._etc");
        assertThat(ReportRequest.resolve(null, null, null, null, properties, clock).date())
                .isEqualTo(LocalDate.of(2030, 12, 30));
    }
}
