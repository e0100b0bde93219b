package dev.tiktokcalendar.simulator.display;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Each creator's public posts, newest first (what {@code video/list} pages through). */
public final class PublicVideos {

    private final Map<String, List<PublicVideo>> byCreator = new ConcurrentHashMap<>();

    public void add(PublicVideo video) {
        byCreator.computeIfAbsent(video.creatorOpenId(), k -> new CopyOnWriteArrayList<>()).add(video);
    }

    public List<PublicVideo> newestFirst(String creatorOpenId) {
        return byCreator.getOrDefault(creatorOpenId, List.of()).stream()
                .sorted(Comparator.comparing(PublicVideo::createTime).reversed()
                        .thenComparing(Comparator.comparingLong(PublicVideo::id).reversed()))
                .toList();
    }

    public List<PublicVideo> before(String creatorOpenId, Instant cursor, int count) {
        return newestFirst(creatorOpenId).stream()
                .filter(v -> cursor == null || v.createTime().toEpochMilli() < cursor.toEpochMilli())
                .limit(count)
                .toList();
    }
}
