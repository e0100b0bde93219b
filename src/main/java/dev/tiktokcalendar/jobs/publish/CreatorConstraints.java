package dev.tiktokcalendar.jobs.publish;

import java.util.List;

/** The creator's current posting settings, from {@code creator_info/query}, queried before every direct post. */
public record CreatorConstraints(List<String> privacyLevelOptions, boolean commentDisabled, boolean duetDisabled,
                                 boolean stitchDisabled, int maxVideoPostDurationSec) {
}
