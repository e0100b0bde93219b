package dev.tiktokcalendar.web.media;

import dev.tiktokcalendar.web.PublicUrls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, expiring URLs for the media of posts, for TikTok's PULL_FROM_URL: {@code <public-base-url>/media/<token>},
 * where the token is {@code base64url(expiry + "\n" + relative path) + "." + base64url(HMAC-SHA256)}. The HMAC key
 * is derived from the token encryption key ({@code calendar.encryption-key}), so no extra secret is needed and
 * rotating that key invalidates outstanding media URLs. Only relative paths inside the media root can be signed;
 * {@link MediaController} checks the root again when serving.
 */
@Component
public class MediaUrls {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final PublicUrls urls;
    private final Clock clock;
    private final byte[] key;
    private final Duration defaultTtl;

    public MediaUrls(PublicUrls urls, Clock clock, @Value("${calendar.encryption-key:}") String encryptionKey,
                     @Value("${calendar.media-url-ttl:2h}") Duration defaultTtl) {
        this.urls = urls;
        this.clock = clock;
        this.defaultTtl = defaultTtl;
        this.key = encryptionKey.isBlank() ? null
                : hmac("tiktok-calendar media URLs v1".getBytes(StandardCharsets.UTF_8), encryptionKey.trim().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The URL TikTok downloads {@code relativeMediaPath} (relative to the media root, {@code calendar.import.media-root}) from, valid for
     * {@code ttl}. The public base URL's prefix or domain must be verified in the TikTok developer portal.
     */
    public URI signedUrl(Path relativeMediaPath, Duration ttl) {
        return urls.resolve("/media/" + token(relativeMediaPath, clock.instant().plus(ttl)));
    }

    /** As {@link #signedUrl(Path, Duration)}, valid for {@code calendar.media-url-ttl}. */
    public URI signedUrl(Path relativeMediaPath) {
        return signedUrl(relativeMediaPath, defaultTtl);
    }

    String token(Path relativeMediaPath, Instant expiresAt) {
        String path = normalized(relativeMediaPath);
        byte[] payload = (expiresAt.getEpochSecond() + "\n" + path).getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(payload) + "." + B64.encodeToString(hmac(requireKey(), payload));
    }

    /** The relative path a token grants, if its signature is right and it has not expired. */
    Optional<String> verify(String token) {
        int dot = token.indexOf('.');
        if (key == null || dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = B64D.decode(token.substring(0, dot));
            byte[] signature = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(hmac(key, payload), signature)) {
                return Optional.empty();
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            long expires = Long.parseLong(text.substring(0, newline));
            if (clock.instant().getEpochSecond() > expires) {
                return Optional.empty();
            }
            return Optional.of(text.substring(newline + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    static String normalized(Path relative) {
        Path normal = relative.normalize();
        if (relative.isAbsolute() || normal.toString().isEmpty() || normal.startsWith("..")) {
            throw new IllegalArgumentException("media paths are relative to the media root and stay inside it: " + relative);
        }
        return normal.toString().replace('\\', '/');
    }

    private byte[] requireKey() {
        if (key == null) {
            throw new IllegalStateException("calendar.encryption-key is not set: media URLs are signed with a key derived from it");
        }
        return key;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "MediaUrls[key=[redacted]]";
    }
}
