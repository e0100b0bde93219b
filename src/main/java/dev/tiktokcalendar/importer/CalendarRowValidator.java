package dev.tiktokcalendar.importer;

import dev.tiktokcalendar.importer.AccountDirectory.Account;
import dev.tiktokcalendar.importer.CalendarFormat.Booleans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every check of one calendar row that needs no database round trip (issue 6, "row checks"): the shape of
 * each field, the account, the time in its zone, caption lengths in UTF-16 units, privacy against the
 * account's options, media, photo rules, duplicates inside the file. It reports all problems of a row at
 * once, each with its line, the column as named in the file, and the reason.
 */
public class CalendarRowValidator {

    static final int MAX_VIDEO_CAPTION = 2200;
    static final int MAX_PHOTO_DESCRIPTION = 4000;
    static final int MAX_PHOTO_TITLE = 90;
    static final int MAX_PHOTOS = 35;
    static final int MAX_EXTERNAL_ID = 150;
    static final int MAX_ACCOUNT = 128;

    private static final Map<String, String> PRIVACY = Map.of(
            "public_to_everyone", "PUBLIC_TO_EVERYONE", "mutual_follow_friends", "MUTUAL_FOLLOW_FRIENDS",
            "follower_of_creator", "FOLLOWER_OF_CREATOR", "self_only", "SELF_ONLY",
            "public", "PUBLIC_TO_EVERYONE", "friends", "MUTUAL_FOLLOW_FRIENDS",
            "followers", "FOLLOWER_OF_CREATOR", "private", "SELF_ONLY");

    private static final Map<String, String> TYPES = Map.of("video", "VIDEO", "photo", "PHOTO");
    private static final Map<String, String> MODES = Map.of("direct", "DIRECT", "inbox", "INBOX");
    private static final Map<String, String> DISCLOSURES = Map.of("none", "none", "your_brand", "your_brand",
            "branded", "branded", "both", "both");
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<String, ZoneId> zones = new HashMap<>();
    private final AccountDirectory accounts;
    private final MediaChecker mediaChecker;
    private final LongLongMap seenKeys = new LongLongMap(1 << 16);

    public CalendarRowValidator(AccountDirectory accounts, MediaChecker mediaChecker) {
        this.accounts = accounts;
        this.mediaChecker = mediaChecker;
    }

    /** The post the row describes, or a {@link RowRejectedException} with every problem found. */
    public PostDraft validate(CalendarRow row) {
        List<RowProblem> problems = new ArrayList<>(row.problems());
        if (problems.stream().anyMatch(p -> "RAGGED_ROW".equals(p.code()))) {
            throw new RowRejectedException(problems);
        }
        Check c = new Check(row, problems);

        String externalId = c.value(Field.EXTERNAL_ID);
        if (externalId != null && externalId.length() > MAX_EXTERNAL_ID) {
            c.error(Field.EXTERNAL_ID, "TOO_LONG", "external_id is " + externalId.length()
                    + " characters long; at most " + MAX_EXTERNAL_ID);
        }

        Account account = null;
        String accountName = c.required(Field.ACCOUNT);
        if (accountName != null) {
            if (accountName.length() > MAX_ACCOUNT) {
                c.error(Field.ACCOUNT, "TOO_LONG", "account is " + accountName.length() + " characters long; at most " + MAX_ACCOUNT);
            } else {
                account = accounts.find(accountName);
                if (account == null) {
                    c.error(Field.ACCOUNT, "UNKNOWN_ACCOUNT", "no connected account " + RowProblem.shown(accountName)
                            + " in this workspace (a username or open_id; connect it first)");
                } else if ("DISCONNECTED".equals(account.status())) {
                    c.error(Field.ACCOUNT, "ACCOUNT_DISCONNECTED", "account " + account.shownName()
                            + " is disconnected; reconnect it before scheduling posts");
                }
            }
        }

        ZoneId zone = account == null ? null : account.zone();
        String zoneText = c.value(Field.TIMEZONE);
        if (zoneText != null) {
            try {
                ZoneId known = zones.get(zoneText);
                zone = known != null ? known : PublishTimes.zone(zoneText);
                if (known == null && zones.size() < 1000) {
                    zones.put(zoneText, zone);
                }
            } catch (IllegalArgumentException e) {
                c.error(Field.TIMEZONE, "BAD_ZONE", e.getMessage());
                zone = null;
            }
        }

        PublishTimes.Resolved when = null;
        String publishAt = c.required(Field.PUBLISH_AT);
        if (publishAt != null && (zone != null || zoneText == null)) {
            try {
                when = PublishTimes.resolve(publishAt, zone == null ? ZoneId.of("UTC") : zone);
                for (String warning : when.warnings()) {
                    c.warning(Field.PUBLISH_AT, warning.contains("twice") ? "DST_OVERLAP" : "DST_GAP", warning);
                }
            } catch (IllegalArgumentException e) {
                c.error(Field.PUBLISH_AT, "BAD_DATETIME", e.getMessage());
            }
        }

        String type = c.choice(Field.TYPE, "video", TYPES, "video or photo");
        String mode = c.choice(Field.MODE, "direct", MODES, "direct or inbox");
        boolean photo = "PHOTO".equals(type);

        List<MediaChecker.Media> media = new ArrayList<>();
        String mediaText = c.required(Field.MEDIA);
        if (mediaText != null && type != null) {
            String[] items = mediaText.split("\\|", -1);
            if (!photo && items.length != 1) {
                c.error(Field.MEDIA, "MEDIA_COUNT", "a video post takes exactly one media file, found " + items.length
                        + " (for a photo carousel set type to photo)");
            } else if (photo && items.length > MAX_PHOTOS) {
                c.error(Field.MEDIA, "MEDIA_COUNT", "a photo post takes 1 to " + MAX_PHOTOS + " images, found " + items.length);
            } else {
                for (int i = 0; i < items.length; i++) {
                    String item = items[i].trim();
                    if (item.isEmpty()) {
                        c.error(Field.MEDIA, "MEDIA_MISSING", "media item " + (i + 1) + " of " + items.length + " is empty");
                        continue;
                    }
                    MediaChecker.Result result = mediaChecker.check(item, photo);
                    if (result.media() == null) {
                        c.error(Field.MEDIA, result.code(), result.problem());
                    } else {
                        media.add(result.media());
                    }
                }
            }
        }

        String caption = c.value(Field.CAPTION);
        if (caption != null && type != null) {
            int limit = photo ? MAX_PHOTO_DESCRIPTION : MAX_VIDEO_CAPTION;
            if (caption.length() > limit) {
                c.error(Field.CAPTION, "TOO_LONG", "caption is " + caption.length() + " UTF-16 units long (emoji count as 2); "
                        + "TikTok takes at most " + limit + " for a " + (photo ? "photo description" : "video caption"));
            }
            formulaWarning(c, Field.CAPTION, caption);
        }
        String title = c.value(Field.TITLE);
        if (title != null && type != null) {
            if (!photo) {
                c.error(Field.TITLE, "NOT_FOR_VIDEO", "title is for photo posts only; a video's text goes in caption");
            } else if (title.length() > MAX_PHOTO_TITLE) {
                c.error(Field.TITLE, "TOO_LONG", "title is " + title.length() + " UTF-16 units long (emoji count as 2); "
                        + "TikTok takes at most " + MAX_PHOTO_TITLE + " for a photo title");
            }
            formulaWarning(c, Field.TITLE, title);
        }

        String privacy = null;
        String privacyText = c.value(Field.PRIVACY);
        if (privacyText != null) {
            privacy = PRIVACY.get(privacyText.toLowerCase(Locale.ROOT));
            if (privacy == null) {
                c.error(Field.PRIVACY, "BAD_ENUM", RowProblem.shown(privacyText) + " is not a privacy level: use "
                        + "PUBLIC_TO_EVERYONE, MUTUAL_FOLLOW_FRIENDS, FOLLOWER_OF_CREATOR, SELF_ONLY "
                        + "(or public, friends, followers, private)");
            } else if (account != null && !account.privacyOptions().isEmpty() && !account.privacyOptions().contains(privacy)) {
                c.error(Field.PRIVACY, "PRIVACY_NOT_OFFERED", "account " + account.shownName() + " does not offer "
                        + privacy + "; it offers " + String.join(", ", account.privacyOptions().stream().sorted().toList()));
            }
        } else if ("DIRECT".equals(mode)) {
            c.error(Field.PRIVACY, "MISSING", "privacy is required for direct posts (TikTok has no default); "
                    + "add a privacy column or pass --privacy");
        }

        boolean allowComment = Boolean.TRUE.equals(c.bool(Field.ALLOW_COMMENTS));
        Boolean duet = c.bool(Field.ALLOW_DUET);
        Boolean stitch = c.bool(Field.ALLOW_STITCH);
        boolean aigc = Boolean.TRUE.equals(c.bool(Field.AI_GENERATED));
        Boolean music = c.bool(Field.AUTO_ADD_MUSIC);
        Integer coverMs = c.integer(Field.COVER_MS, Integer.MAX_VALUE, "a whole number of milliseconds");
        Integer coverIndex = c.integer(Field.COVER_INDEX, MAX_PHOTOS - 1, "a 0-based image index");
        if (photo) {
            c.notFor(Field.ALLOW_DUET, Boolean.TRUE.equals(duet), "photo posts cannot allow duets");
            c.notFor(Field.ALLOW_STITCH, Boolean.TRUE.equals(stitch), "photo posts cannot allow stitches");
            c.notFor(Field.COVER_MS, coverMs != null, "cover_ms is for videos; a photo post's cover is cover_index");
            if (coverIndex != null && media.size() == mediaCount(mediaText) && coverIndex >= media.size() && !media.isEmpty()) {
                c.error(Field.COVER_INDEX, "OUT_OF_RANGE", "cover_index " + coverIndex + " is out of range: the post has "
                        + media.size() + " image" + (media.size() == 1 ? "" : "s") + " (0 to " + (media.size() - 1) + ")");
            }
        } else if (type != null) {
            c.notFor(Field.AUTO_ADD_MUSIC, music != null, "auto_add_music is for photo posts only");
            c.notFor(Field.COVER_INDEX, coverIndex != null, "cover_index is for photo posts; a video's cover is cover_ms");
        }
        String disclosure = c.choice(Field.DISCLOSURE, "none", DISCLOSURES, "none, your_brand, branded or both");

        String key = null;
        if (problems.stream().noneMatch(RowProblem::isError)) {
            key = externalId != null ? externalKey(externalId)
                    : "auto:" + sha256(account.id() + "|" + when.instant().toEpochMilli() + "|"
                    + String.join("|", media.stream().map(MediaChecker.Media::source).toList())).substring(0, 40);
            long previous = seenKeys.putIfAbsent(hash64(key), row.line());
            if (previous != 0) {
                c.error(externalId != null ? Field.EXTERNAL_ID : Field.PUBLISH_AT, "DUPLICATE", externalId != null
                        ? "external_id " + RowProblem.shown(externalId) + " is already used on line " + previous
                        : "same account, time and media as line " + previous);
            }
        }

        if (problems.stream().anyMatch(RowProblem::isError)) {
            throw new RowRejectedException(problems);
        }
        boolean direct = "DIRECT".equals(mode);
        String zoneId = (zone == null ? ZoneId.of("UTC") : zone).getId();
        boolean brandContent = "branded".equals(disclosure) || "both".equals(disclosure);
        boolean brandOrganic = "your_brand".equals(disclosure) || "both".equals(disclosure);
        String fingerprint = sha256(String.join("\u0001", account.id() + "", type, mode, when.instant().toString(), zoneId,
                String.valueOf(caption), String.valueOf(title), String.valueOf(direct ? privacy : null),
                allowComment + "", Boolean.TRUE.equals(duet) + "", Boolean.TRUE.equals(stitch) + "", String.valueOf(coverMs),
                String.valueOf(coverIndex), String.valueOf(music), brandContent + "", brandOrganic + "", aigc + "",
                String.join("\u0002", media.stream().map(MediaChecker.Media::source).toList())));
        return new PostDraft(row.line(), row.cells(), account.id(), account.shownName(), key, type, mode,
                when.instant(), zoneId, caption, title, direct ? privacy : null, allowComment, Boolean.TRUE.equals(duet),
                Boolean.TRUE.equals(stitch), coverMs, photo ? (coverIndex == null ? 0 : coverIndex) : null, music,
                brandContent, brandOrganic, aigc, List.copyOf(media), fingerprint,
                List.copyOf(problems), null);
    }

    /**
     * The stored key of an editor's id. The key column compares like the database collation (case- and
     * accent-insensitive), so ids are made case-insensitive here too: printable ASCII ids are kept lower-cased
     * and readable, any other id is replaced by a hash of its NFC form. Either way, two ids the database
     * would take for one are one key here, and the in-file duplicate check agrees with the unique index.
     */
    static String externalKey(String externalId) {
        if (externalId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return "id:" + externalId.toLowerCase(Locale.ROOT);
        }
        return "idh:" + sha256(Normalizer.normalize(externalId, Normalizer.Form.NFC)).substring(0, 40);
    }

    private static int mediaCount(String mediaText) {
        return mediaText == null ? 0 : mediaText.split("\\|", -1).length;
    }

    private static void formulaWarning(Check c, Field field, String text) {
        if (text.startsWith("=")) {
            c.warning(field, "FORMULA", field.column() + " starts with '=': a spreadsheet may have treated it as a formula; "
                    + "it will be posted exactly as written");
        }
    }

    static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The problems of one row, each located by the column name used in the file. */
    private static final class Check {
        private final CalendarRow row;
        private final List<RowProblem> problems;

        Check(CalendarRow row, List<RowProblem> problems) {
            this.row = row;
            this.problems = problems;
        }

        String value(Field field) {
            return row.value(field);
        }

        String required(Field field) {
            String value = row.value(field);
            if (value == null && problems.stream().noneMatch(p -> row.label(field).equals(p.column()))) {
                error(field, "MISSING", field.column() + " is required");
            }
            return value;
        }

        void error(Field field, String code, String reason) {
            problems.add(RowProblem.error(row.line(), row.label(field), code, reason, row.value(field)));
        }

        void warning(Field field, String code, String reason) {
            problems.add(RowProblem.warning(row.line(), row.label(field), code, reason, row.value(field)));
        }

        String choice(Field field, String fallback, Map<String, String> allowed, String hint) {
            String value = row.value(field);
            String key = value == null ? fallback : value.toLowerCase(Locale.ROOT);
            String result = allowed.get(key);
            if (result == null) {
                error(field, "BAD_ENUM", RowProblem.shown(value) + " is not a valid " + field.column() + ": use " + hint);
            }
            return result;
        }

        Boolean bool(Field field) {
            String value = row.value(field);
            if (value == null) {
                return null;
            }
            Boolean parsed = Booleans.parse(value);
            if (parsed == null) {
                error(field, "BAD_BOOLEAN", RowProblem.shown(value) + " is not true/false (also yes/no, 1/0)");
            }
            return parsed;
        }

        Integer integer(Field field, int max, String what) {
            String value = row.value(field);
            if (value == null) {
                return null;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= 0 && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            error(field, "BAD_NUMBER", RowProblem.shown(value) + " is not " + what + " (0 to " + max + ")");
            return null;
        }

        void notFor(Field field, boolean present, String reason) {
            if (present) {
                error(field, "NOT_APPLICABLE", reason);
            }
        }
    }
}
