package dev.tiktokcalendar.importer;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cheap checks of one media reference of a calendar row (docs/tiktok-api.md §16): an https URL, or a file
 * under the media root that exists, is readable, has a type TikTok takes and fits its size limit. A path can
 * never leave the media root, through {@code ..}, an absolute path or a symbolic link. Results of files are
 * cached (a calendar reuses its media), so a million rows do not cost a million file-system calls.
 */
public class MediaChecker {

    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "webm");
    static final Set<String> PHOTO_EXTENSIONS = Set.of("jpg", "jpeg", "webp");
    static final long MAX_VIDEO_BYTES = 4L * 1024 * 1024 * 1024;
    static final long MAX_PHOTO_BYTES = 20L * 1024 * 1024;
    private static final int CACHE_SIZE = 50_000;

    /** A checked media reference: what to store in post_media. */
    public record Media(String source, Long sizeBytes, String contentType) {
    }

    /** The outcome: the media, or the reason it is refused. */
    public record Result(Media media, String problem, String code) {
        static Result ok(Media media) {
            return new Result(media, null, null);
        }

        static Result refused(String code, String problem) {
            return new Result(null, problem, code);
        }
    }

    private record FileFacts(boolean exists, boolean directory, boolean readable, boolean outside, long size) {
    }

    private final Path root;
    private final Path realRoot;
    private final Map<Path, FileFacts> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, FileFacts> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public MediaChecker(Path mediaRoot) {
        this.root = mediaRoot.toAbsolutePath().normalize();
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root;
        }
        this.realRoot = real;
    }

    static boolean looksLikePhoto(String reference) {
        return PHOTO_EXTENSIONS.contains(extension(reference)) || "png".equals(extension(reference));
    }

    public Result check(String reference, boolean photo) {
        String kind = photo ? "photo" : "video";
        Set<String> allowed = photo ? PHOTO_EXTENSIONS : VIDEO_EXTENSIONS;
        String ext = extension(reference);
        if (!allowed.contains(ext)) {
            return Result.refused("MEDIA_TYPE", RowProblem.shown(reference) + " is not a " + kind + " TikTok takes ("
                    + String.join(", ", photo ? new String[] {"jpg", "jpeg", "webp"} : new String[] {"mp4", "mov", "webm"})
                    + (photo && ext.equals("png") ? "; convert PNG to JPEG or WebP" : "") + ")");
        }
        String contentType = contentType(ext);
        String lower = reference.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return Result.refused("MEDIA_URL", RowProblem.shown(reference) + " is http; TikTok pulls media only over https");
        }
        if (lower.startsWith("https://")) {
            try {
                URI uri = new URI(reference);
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    throw new URISyntaxException(reference, "no host");
                }
            } catch (URISyntaxException e) {
                return Result.refused("MEDIA_URL", RowProblem.shown(reference) + " is not a valid https URL");
            }
            return Result.ok(new Media(reference, null, contentType));
        }
        if (reference.contains("://")) {
            return Result.refused("MEDIA_URL", RowProblem.shown(reference) + " is neither a path under the media root nor an https URL");
        }
        Path resolved;
        try {
            resolved = root.resolve(reference).normalize();
        } catch (InvalidPathException e) {
            return Result.refused("MEDIA_PATH", RowProblem.shown(reference) + " is not a valid file path");
        }
        if (!resolved.startsWith(root)) {
            return Result.refused("MEDIA_OUTSIDE_ROOT", RowProblem.shown(reference) + " points outside the media root; "
                    + "give a path relative to the media root");
        }
        FileFacts facts = cache.computeIfAbsent(resolved, this::facts);
        if (facts.outside()) {
            return Result.refused("MEDIA_OUTSIDE_ROOT", RowProblem.shown(reference)
                    + " is a link that leads outside the media root");
        }
        if (!facts.exists()) {
            return Result.refused("MEDIA_MISSING", RowProblem.shown(reference) + " does not exist under the media root " + root);
        }
        if (facts.directory()) {
            return Result.refused("MEDIA_MISSING", RowProblem.shown(reference) + " is a directory, not a file");
        }
        if (!facts.readable()) {
            return Result.refused("MEDIA_UNREADABLE", RowProblem.shown(reference) + " is not readable");
        }
        long limit = photo ? MAX_PHOTO_BYTES : MAX_VIDEO_BYTES;
        if (facts.size() > limit) {
            return Result.refused("MEDIA_TOO_LARGE", RowProblem.shown(reference) + " is " + facts.size()
                    + " bytes; TikTok takes " + kind + "s up to " + (photo ? "20 MB" : "4 GB"));
        }
        if (facts.size() == 0) {
            return Result.refused("MEDIA_EMPTY", RowProblem.shown(reference) + " is an empty file");
        }
        return Result.ok(new Media(root.relativize(resolved).toString(), facts.size(), contentType));
    }

    private FileFacts facts(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!file.toRealPath().startsWith(realRoot)) {
                return new FileFacts(true, false, false, true, 0);
            }
            return new FileFacts(true, attributes.isDirectory(), Files.isReadable(file), false, attributes.size());
        } catch (IOException e) {
            boolean link = Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            return new FileFacts(link, false, false, false, 0);
        }
    }

    private static String extension(String reference) {
        String path = reference;
        int query = path.indexOf('?');
        if (query >= 0 && path.contains("://")) {
            path = path.substring(0, query);
        }
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash && dot >= 0 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String contentType(String ext) {
        return switch (ext) {
            case "mp4" -> "video/mp4";
            case "mov" -> "video/quicktime";
            case "webm" -> "video/webm";
            case "webp" -> "image/webp";
            default -> "image/jpeg";
        };
    }
}
