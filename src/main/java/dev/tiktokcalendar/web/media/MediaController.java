package dev.tiktokcalendar.web.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /media/{token}} (and HEAD): serves the file a {@link MediaUrls} token grants, with byte ranges (Spring
 * MVC answers {@code Range} requests for a {@link Resource} body with 206) and its content type. Anything wrong — a
 * bad, tampered or expired token, a path that resolves (symbolic links included) outside the media root ({@code calendar.publishing.media-root}, by default the importer's),
 * a missing file — is the same 404, so the endpoint tells an outsider nothing.
 */
@RestController
public class MediaController {

    private static final Map<String, MediaType> TYPES = Map.of(
            "mp4", MediaType.parseMediaType("video/mp4"), "mov", MediaType.parseMediaType("video/quicktime"),
            "webm", MediaType.parseMediaType("video/webm"), "jpg", MediaType.IMAGE_JPEG, "jpeg", MediaType.IMAGE_JPEG,
            "webp", MediaType.parseMediaType("image/webp"), "png", MediaType.IMAGE_PNG);

    private final MediaUrls urls;
    private final Path root;

    public MediaController(MediaUrls urls, @Value("${calendar.publishing.media-root:${calendar.import.media-root:./media}}") String mediaRoot) {
        this.urls = urls;
        this.root = Path.of(mediaRoot).toAbsolutePath().normalize();
    }

    @GetMapping("/media/{token}")
    ResponseEntity<Resource> media(@PathVariable String token) {
        Optional<Path> file = urls.verify(token).flatMap(this::insideRoot);
        if (file.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        Path path = file.get();
        return ResponseEntity.ok()
                .contentType(contentType(path))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(path));
    }

    private Optional<Path> insideRoot(String relative) {
        try {
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root)) {
                return Optional.empty();
            }
            // symbolic links are followed, and the real file must still be inside the real root
            Path real = candidate.toRealPath();
            return real.startsWith(root.toRealPath()) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static MediaType contentType(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        MediaType known = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        return known != null ? known
                : MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
    }
}
