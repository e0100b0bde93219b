package dev.tiktokcalendar.tiktok.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact 19-digit post ids and the two envelope spellings. */
class TikTokJsonTest {

    @Test
    void nineteenDigitNumbersAndStringsGiveTheSameExactId() {
        // 7678907398077074696 as a double would be 7678907398077074432
        Envelope envelope = Envelope.parse(bytes("""
                {"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7678907398077074696, "7080213458555737986",
                 99999999999999999999]},"error":{"code":"ok","message":"","log_id":"L1"}}"""));

        assertThat(TikTokJson.postIds(envelope.data().path("publicaly_available_post_id")))
                .containsExactly("7678907398077074696", "7080213458555737986", "99999999999999999999");
        assertThat(envelope.logId()).isEqualTo("L1");
    }

    @Test
    void refusesIdsThatWentThroughFloatingPoint() {
        Envelope envelope = Envelope.parse(bytes("""
                {"data":{"publicaly_available_post_id":[7.678907398077075E18]},"error":{"code":"ok"}}"""));

        assertThatThrownBy(() -> TikTokJson.postIds(envelope.data().path("publicaly_available_post_id")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TikTokJson.postIds(envelope.data().path("missing"))).isEmpty();
    }

    @Test
    void readsBothLogIdSpellingsAndTreatsNonEnvelopesAsNone() {
        assertThat(Envelope.parse(bytes("{\"error\":{\"code\":\"invalid_params\",\"message\":\"m\",\"logid\":\"L2\"}}")))
                .satisfies(e -> {
                    assertThat(e.isOk()).isFalse();
                    assertThat(e.code()).isEqualTo("invalid_params");
                    assertThat(e.logId()).isEqualTo("L2");
                    assertThat(e.data().isMissingNode()).isTrue();
                });
        assertThat(Envelope.parse(bytes("<html>502 Bad Gateway</html>"))).isNull();
        assertThat(Envelope.parse(new byte[0])).isNull();
        assertThat(Envelope.parse(bytes("{\"error\":\"invalid_grant\"}"))).isNull();
    }

    @Test
    void requestBodiesUseTikTokFieldNames() {
        String json = TikTokJson.MAPPER.writeValueAsString(new DirectVideoInit(
                new VideoPostInfo("t", "SELF_ONLY", false, true, false, null, false, false, true),
                VideoSource.pullFromUrl("https://media.example.com/videos/a.mp4")));

        assertThat(json).contains("\"post_info\"", "\"privacy_level\":\"SELF_ONLY\"", "\"disable_stitch\":true",
                "\"is_aigc\":true", "\"brand_content_toggle\":false", "\"source_info\"", "\"video_url\"")
                .doesNotContain("video_cover_timestamp_ms", "video_size", "aigc\":true,\"is");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
