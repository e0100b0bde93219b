package dev.tiktokcalendar.simulator.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** {@code TikTok-Signature: t=<unix seconds>,s=<hex HMAC-SHA256(client_secret, t + "." + body)>} (contract §11). */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String header(String clientSecret, long timestamp, String body) {
        return "t=" + timestamp + ",s=" + hmacHex(clientSecret, timestamp + "." + body);
    }

    public static String hmacHex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
