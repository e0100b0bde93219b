package dev.tiktokcalendar.web.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * TikTok's PKCE (contract §1.2): a random verifier of 64 characters from {@code [A-Za-z0-9-_]}, and as challenge
 * the lowercase <em>hex</em> SHA-256 of it — not RFC 7636's base64url, which TikTok refuses.
 */
final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkce() {
    }

    static String newVerifier() {
        return randomToken(48);
    }

    static String challenge(String verifier) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bytes} random bytes in unpadded base64url. */
    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
