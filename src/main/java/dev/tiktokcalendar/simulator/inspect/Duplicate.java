package dev.tiktokcalendar.simulator.inspect;

import java.util.List;

/** The same media with the same caption published more than once for one creator (failed publishes excluded). */
public record Duplicate(String creatorUsername, String mediaKey, String caption, List<String> publishIds) {
}
