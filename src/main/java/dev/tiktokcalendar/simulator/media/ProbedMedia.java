package dev.tiktokcalendar.simulator.media;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulator's probe found, remembered by the content's SHA-256: calendars upload the same file many times,
 * and probing (Tika's magic detection, then the container's boxes) costs the simulator more CPU than answering the
 * requests around it. The newest {@code capacity} digests are kept.
 */
public final class ProbedMedia {

    private final MediaProbe probe;
    private final Map<String, MediaInfo> byDigest;

    public ProbedMedia(MediaProbe probe, int capacity) {
        this.probe = probe;
        this.byDigest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MediaInfo> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The facts of {@code file}, whose SHA-256 is {@code sha256}; probed only the first time that content is seen. */
    public MediaInfo probe(Path file, String sha256) {
        synchronized (byDigest) {
            MediaInfo known = byDigest.get(sha256);
            if (known != null) {
                return known;
            }
        }
        MediaInfo probed = probe.probe(file);
        synchronized (byDigest) {
            byDigest.put(sha256, probed);
        }
        return probed;
    }
}
