package dev.tiktokcalendar.web.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks {@code TikTok-Signature: t=<unix seconds>,s=<hex>} (contract §11): {@code s} must be the HMAC-SHA256 of
 * {@code t + "." + rawBody} keyed with the app's client secret, compared in constant time, and {@code t} at most
 * {@link #TOLERANCE} away from now (older deliveries are replays). Never logs or echoes the secret.
 */
final class WebhookSignatureVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    enum Verdict { VALID, MALFORMED, STALE, BAD_SIGNATURE }

    private final byte[] secret;
    private final Clock clock;

    WebhookSignatureVerifier(String clientSecret, Clock clock) {
        this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    Verdict verify(String header, byte[] body) {
        if (header == null || secret.length == 0) {
            return Verdict.MALFORMED;
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1].trim();
            } else if (pair.length == 2 && pair[0].equals("s")) {
                signature = pair[1].trim();
            }
        }
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return Verdict.MALFORMED;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = hmacHex((timestamp + ".").getBytes(StandardCharsets.UTF_8), body)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
                ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    private String hmacHex(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignatureVerifier[secret=[redacted]]";
    }
}
