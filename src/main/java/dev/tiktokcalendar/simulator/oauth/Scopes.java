package dev.tiktokcalendar.simulator.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The Login Kit scopes the simulator knows (contract §1.9), and their comma-separated wire form. */
public final class Scopes {

    public static final String USER_INFO_BASIC = "user.info.basic";
    public static final String USER_INFO_PROFILE = "user.info.profile";
    public static final String USER_INFO_STATS = "user.info.stats";
    public static final String VIDEO_LIST = "video.list";
    public static final String VIDEO_PUBLISH = "video.publish";
    public static final String VIDEO_UPLOAD = "video.upload";

    public static final Set<String> KNOWN = Set.of(USER_INFO_BASIC, USER_INFO_PROFILE, USER_INFO_STATS,
            VIDEO_LIST, VIDEO_PUBLISH, VIDEO_UPLOAD);

    private Scopes() {
    }

    public static Set<String> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String format(Set<String> scopes) {
        return String.join(",", scopes);
    }
}
