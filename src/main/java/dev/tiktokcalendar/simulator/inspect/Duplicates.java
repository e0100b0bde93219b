package dev.tiktokcalendar.simulator.inspect;

import dev.tiktokcalendar.simulator.publish.PublishStatus;
import dev.tiktokcalendar.simulator.publish.PublishView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Finds {@link Duplicate}s among publishes: a duplicate post is the worst bug a publisher can have. */
public final class Duplicates {

    private Duplicates() {
    }

    public static List<Duplicate> among(List<PublishView> publishes) {
        Map<List<String>, List<PublishView>> groups = new LinkedHashMap<>();
        for (PublishView publish : publishes) {
            if (publish.status() == PublishStatus.FAILED || publish.mediaKey() == null) {
                continue;
            }
            List<String> key = List.of(publish.creatorUsername(), publish.mediaKey(),
                    Objects.requireNonNullElse(publish.caption(), ""));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(publish);
        }
        return groups.entrySet().stream()
                .filter(group -> group.getValue().size() > 1)
                .map(group -> new Duplicate(group.getKey().get(0), group.getKey().get(1), group.getKey().get(2),
                        group.getValue().stream().map(PublishView::publishId).toList()))
                .toList();
    }
}
