package dev.tiktokcalendar.calendar;

import dev.tiktokcalendar.database.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The {@code post_event} rows of posts: their state transitions and the API calls made for them. */
@Repository
public class PostHistory {

    private final JdbcClient jdbc;
    private final NodeName nodeName;

    public PostHistory(JdbcClient jdbc, NodeName nodeName) {
        this.jdbc = jdbc;
        this.nodeName = nodeName;
    }

    /** One state transition's history row. */
    record TransitionRow(long postId, PostState from, PostState to, String reason) {
    }

    /** One history row per post of {@code fromById}, in one multi-row insert. */
    void recordTransitions(Map<Long, PostState> fromById, PostState to, String reason, Instant at) {
        List<TransitionRow> rows = new ArrayList<>();
        fromById.forEach((postId, from) -> rows.add(new TransitionRow(postId, from, to, reason)));
        recordTransitions(rows, at);
    }

    /** The transitions' history rows, in one multi-row insert. */
    void recordTransitions(List<TransitionRow> transitions, Instant at) {
        record(List.of(), transitions, at);
    }

    public void recordApiCall(ApiCallEvent call) {
        recordApiCalls(List.of(call));
    }

    /** The calls' history rows, in one multi-row insert. */
    public void recordApiCalls(List<ApiCallEvent> calls) {
        record(calls, List.of(), null);
    }

    /**
     * The calls' rows, then the transitions' (at {@code at}), in one multi-row insert: a transition and the API call
     * whose answer it records cost one statement, and the call keeps the lower id.
     */
    void record(List<ApiCallEvent> calls, List<TransitionRow> transitions, Instant at) {
        if (calls.isEmpty() && transitions.isEmpty()) {
            return;
        }
        StringJoiner rows = new StringJoiner(", ");
        List<Object> values = new ArrayList<>();
        for (ApiCallEvent call : calls) {
            rows.add("(?, ?, ?, 'API_CALL', ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?)");
            values.addAll(Arrays.asList(call.postId(), call.accountId(), call.attemptNo(), SqlTime.utc(call.occurredAt()),
                    call.endpoint(), call.httpStatus(), call.tiktokCode(), truncate(call.logId(), 64),
                    (int) Math.min(Integer.MAX_VALUE, call.duration().toMillis()), nodeName.value()));
        }
        for (TransitionRow transition : transitions) {
            rows.add("(?, NULL, NULL, 'TRANSITION', ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?)");
            values.addAll(Arrays.asList(transition.postId(), SqlTime.utc(at), transition.from().name(),
                    transition.to().name(), truncate(transition.reason(), 1000), nodeName.value()));
        }
        jdbc.sql("INSERT INTO post_event (post_id, account_id, attempt_no, kind, occurred_at, endpoint, http_status, "
                        + "tiktok_code, log_id, duration_ms, from_state, to_state, reason, node) VALUES " + rows)
                .params(values).update();
    }

    /** The history of one post, oldest first. */
    public List<PostEvent> of(long postId) {
        return jdbc.sql("""
                        SELECT kind, occurred_at, from_state, to_state, reason, endpoint, http_status, tiktok_code,
                               log_id, duration_ms, node
                        FROM post_event WHERE post_id = ? ORDER BY id""")
                .param(postId)
                .query((rs, row) -> new PostEvent(rs.getString("kind"),
                        rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString("from_state"), rs.getString("to_state"), rs.getString("reason"),
                        rs.getString("endpoint"), (Integer) rs.getObject("http_status", Integer.class),
                        rs.getString("tiktok_code"), rs.getString("log_id"),
                        (Integer) rs.getObject("duration_ms", Integer.class), rs.getString("node")))
                .list();
    }

    /** {@code text} cut to its column's {@code max} characters. */
    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** A row of a post's history. */
    public record PostEvent(String kind, Instant occurredAt, String fromState, String toState, String reason,
                            String endpoint, Integer httpStatus, String tiktokCode, String logId, Integer durationMs,
                            String node) {
    }
}
