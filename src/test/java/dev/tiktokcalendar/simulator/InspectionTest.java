package dev.tiktokcalendar.simulator;

import dev.tiktokcalendar.simulator.http.Endpoint;
import dev.tiktokcalendar.simulator.inspect.Duplicate;
import dev.tiktokcalendar.simulator.inspect.RequestRecord;
import dev.tiktokcalendar.simulator.publish.PublishKind;
import dev.tiktokcalendar.simulator.publish.PublishStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tiktokcalendar.simulator.TestWorlds.PRIVATE;
import static dev.tiktokcalendar.simulator.TestWorlds.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

/** What tests and benchmarks read back (issue item 9): posts per creator, request log, duplicates. */
class InspectionTest {

    private final MutableClock clock = MutableClock.atFixedStart();
    private final TikTokSimulator sim = TestWorlds.start(TestWorlds.standard(), clock);
    private final SimulatorApi api = new SimulatorApi(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void postsOfEachCreator() {
        api.publishDirect(api.token(PUBLIC), "PUBLIC_TO_EVERYONE", "one", TestMedia.mp4(10, 30, 1080, 1920));
        clock.advance(Duration.ofMinutes(1));
        sim.tick();

        assertThat(sim.posts(PUBLIC)).singleElement().satisfies(post -> {
            assertThat(post.kind()).isEqualTo(PublishKind.DIRECT_VIDEO);
            assertThat(post.status()).isEqualTo(PublishStatus.PUBLISH_COMPLETE);
            assertThat(post.caption()).isEqualTo("one");
            assertThat(post.privacyLevel()).isEqualTo("PUBLIC_TO_EVERYONE");
            assertThat(post.publicPostIds()).hasSize(1);
            assertThat(post.createdAt()).isEqualTo(MutableClock.atFixedStart().instant());
        });
        assertThat(sim.posts(PRIVATE)).isEmpty();
    }

    @Test
    void sameMediaAndCaptionTwiceForOneCreatorIsADuplicate() {
        byte[] video = TestMedia.mp4(10, 30, 1080, 1920);
        String token = api.token(PUBLIC);
        String first = api.publishDirect(token, "SELF_ONLY", "same", video);
        String second = api.publishDirect(token, "SELF_ONLY", "same", video);
        api.publishDirect(token, "SELF_ONLY", "other caption", video);
        api.publishDirect(api.token(PRIVATE), "SELF_ONLY", "same", video);

        assertThat(sim.duplicates()).singleElement().satisfies((Duplicate duplicate) -> {
            assertThat(duplicate.creatorUsername()).isEqualTo(PUBLIC);
            assertThat(duplicate.caption()).isEqualTo("same");
            assertThat(duplicate.publishIds()).containsExactlyInAnyOrder(first, second);
        });
    }

    @Test
    void requestLogRecordsEndpointCreatorStatusAndCode() {
        String token = api.token(PUBLIC);
        api.postJson("/v2/post/publish/creator_info/query/", token, "{}");
        api.status(token, "nope");
        api.get("/v2/user/info/?fields=open_id", "act.unknown");

        assertThat(sim.requestLog()).extracting(RequestRecord::endpoint, RequestRecord::httpStatus, RequestRecord::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Endpoint.CREATOR_INFO, 200, "ok"),
                        org.assertj.core.groups.Tuple.tuple(Endpoint.STATUS_FETCH, 400, "invalid_publish_id"),
                        org.assertj.core.groups.Tuple.tuple(Endpoint.USER_INFO, 401, "access_token_invalid"));
        String openId = sim.world().creator(PUBLIC).orElseThrow().openId();
        assertThat(sim.requestLog().get(0).creatorOpenId()).isEqualTo(openId);
        assertThat(sim.requestLog().get(2).creatorOpenId()).isNull();
        assertThat(sim.requestLog()).allMatch(r -> r.at().equals(clock.instant()));
        assertThat(sim.overLimitRequests()).isEmpty();
    }
}
