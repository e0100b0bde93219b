package dev.tiktokcalendar.jobs.publish;

import java.util.List;

/**
 * The outcome of checking a post before any API call: the violations that fail it (field and reason), and the
 * interaction settings to send, with comment/duet/stitch forced off where the creator disabled them.
 */
public record ContentCheck(List<Violation> violations, boolean allowComment, boolean allowDuet, boolean allowStitch,
                           List<String> adjustments) {

    public boolean passed() {
        return violations.isEmpty();
    }

    /** One reason a post cannot be published as it is. */
    public record Violation(String field, String reason) {

        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }
}
