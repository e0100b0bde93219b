package dev.tiktokcalendar.importer;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The columns of the native calendar format; presets map their own columns onto these. */
public enum Field {
    EXTERNAL_ID("external_id"),
    ACCOUNT("account"),
    PUBLISH_AT("publish_at"),
    TIMEZONE("timezone"),
    TYPE("type"),
    MEDIA("media"),
    CAPTION("caption"),
    TITLE("title"),
    PRIVACY("privacy"),
    ALLOW_COMMENTS("allow_comments"),
    ALLOW_DUET("allow_duet"),
    ALLOW_STITCH("allow_stitch"),
    COVER_MS("cover_ms"),
    DISCLOSURE("disclosure"),
    AI_GENERATED("ai_generated"),
    AUTO_ADD_MUSIC("auto_add_music"),
    COVER_INDEX("cover_index"),
    MODE("mode");

    private static final Map<String, Field> BY_COLUMN = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Field::column, Function.identity()));

    private final String column;

    Field(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** The field of a native column name (exact, lower-case), or null. */
    public static Field ofColumn(String name) {
        return BY_COLUMN.get(name);
    }
}
