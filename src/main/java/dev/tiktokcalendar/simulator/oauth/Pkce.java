package dev.tiktokcalendar.simulator.oauth;

import dev.tiktokcalendar.simulator.world.SimulatorSettings.PkceEncoding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * TikTok's PKCE flavour (contract §1.2): the challenge is the lower-case hex SHA-256 of the verifier; the
 * RFC 7636 base64url form is the alternative reading for web apps (a setting).
 */
public final class Pkce {

    private Pkce() {
    }

    public static String hexChallenge(String codeVerifier) {
        return HexFormat.of().formatHex(sha256(codeVerifier));
    }

    public static String base64UrlChallenge(String codeVerifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(codeVerifier));
    }

    static boolean verifies(String codeVerifier, String codeChallenge, PkceEncoding encoding) {
        if (codeVerifier == null || codeVerifier.length() < 43 || codeVerifier.length() > 128) {
            return false;
        }
        String expected = encoding == PkceEncoding.HEX ? hexChallenge(codeVerifier) : base64UrlChallenge(codeVerifier);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                codeChallenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String codeVerifier) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
