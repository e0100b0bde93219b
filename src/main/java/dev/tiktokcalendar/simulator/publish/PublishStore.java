package dev.tiktokcalendar.simulator.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every publish of the run, by publish id, by upload id and by creator (open_id).
 */
public final class PublishStore {

    private final Map<String, Publish> byId = new ConcurrentHashMap<>();
    private final Map<String, Publish> byUploadId = new ConcurrentHashMap<>();
    private final Map<String, List<Publish>> byCreator = new ConcurrentHashMap<>();

    void add(Publish publish) {
        byId.put(publish.publishId, publish);
        if (publish.upload != null) {
            byUploadId.put(publish.upload.uploadId, publish);
        }
        byCreator.computeIfAbsent(publish.creator.openId(), k -> new CopyOnWriteArrayList<>()).add(publish);
    }

    public Optional<Publish> byId(String publishId) {
        return Optional.ofNullable(publishId == null ? null : byId.get(publishId));
    }

    Optional<Publish> byUploadId(String uploadId) {
        return Optional.ofNullable(uploadId == null ? null : byUploadId.get(uploadId));
    }

    public List<Publish> ofCreator(String openId) {
        return byCreator.getOrDefault(openId, List.of());
    }

    /** How many creators have at least one publish (of any age). */
    public int creatorsWithPublishes() {
        return byCreator.size();
    }

    public List<Publish> all() {
        return List.copyOf(byId.values());
    }
}
