package dev.tiktokcalendar.simulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** TikTok's PKCE flavour (contract §1.2): the challenge is the lower-case hex SHA-256 of the verifier. */
public final class Pkce {

    private Pkce() {
    }

    public static String hexChallenge(String codeVerifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verifies(String codeVerifier, String codeChallenge) {
        return codeVerifier != null && codeVerifier.length() >= 43 && codeVerifier.length() <= 128
                && MessageDigest.isEqual(hexChallenge(codeVerifier).getBytes(StandardCharsets.US_ASCII),
                codeChallenge.getBytes(StandardCharsets.US_ASCII));
    }
}
