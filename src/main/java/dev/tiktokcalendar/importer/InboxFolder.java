package dev.tiktokcalendar.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The scheduled import's folders: {@code <inbox>/<workspace-slug>/<name>[.<format>].csv} files are claimed
 * one per run (an atomic move into {@code <inbox>/<workspace-slug>/.processing/}, so two nodes never take
 * the same file), then moved to {@code <done>/<workspace-slug>/} or {@code <failed>/<workspace-slug>/}
 * beside their report.
 */
public class InboxFolder {

    /** A claimed file: where it is now, the workspace its folder names, and the format its name says. */
    public record Claimed(Path file, String workspace, CalendarFormat format, String originalName) {
    }

    private final ImportProperties properties;

    public InboxFolder(ImportProperties properties) {
        this.properties = properties;
    }

    /** Claims the oldest waiting file, or returns null when the inbox is empty. */
    public Claimed claim() {
        Path inbox = properties.inbox();
        if (!Files.isDirectory(inbox)) {
            return null;
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> workspaces = Files.newDirectoryStream(inbox, Files::isDirectory)) {
            for (Path workspace : workspaces) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(workspace, "*.csv")) {
                    files.forEach(candidates::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        candidates.sort(Comparator.comparing(InboxFolder::modified).thenComparing(Path::toString));
        for (Path candidate : candidates) {
            Path processing = candidate.getParent().resolve(".processing");
            try {
                Files.createDirectories(processing);
                Path target = processing.resolve(candidate.getFileName());
                Files.move(candidate, target, StandardCopyOption.ATOMIC_MOVE);
                String name = candidate.getFileName().toString();
                return new Claimed(target, candidate.getParent().getFileName().toString(), formatOf(name), name);
            } catch (NoSuchFileException | AtomicMoveNotSupportedException e) {
                // another node took it first
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    /** {@code week.publer.csv} is a Publer file; {@code week.csv} a native one. */
    static CalendarFormat formatOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (CalendarFormat format : CalendarFormat.values()) {
            if (lower.endsWith("." + format.id() + ".csv")) {
                return format;
            }
        }
        return CalendarFormat.NATIVE;
    }

    /** Moves a processed file to done or failed; returns its new place (the report goes beside it). */
    public Path finish(Path claimed, String workspace, boolean ok) {
        Path folder = (ok ? properties.done() : properties.failed()).resolve(workspace);
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(claimed.getFileName());
            if (Files.exists(target)) {
                target = folder.resolve(System.currentTimeMillis() + "-" + claimed.getFileName());
            }
            return Files.move(claimed, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
