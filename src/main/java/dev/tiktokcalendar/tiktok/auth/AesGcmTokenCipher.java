package dev.tiktokcalendar.tiktok.auth;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * AES-256-GCM with a random 96-bit nonce per encryption; the stored bytes are {@code nonce || ciphertext+tag}, and
 * the context is the additional authenticated data. The key is 32 bytes given in base64
 * ({@code calendar.encryption-key}); its id is the first 8 bytes of its SHA-256, in hex.
 */
public final class AesGcmTokenCipher implements TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public AesGcmTokenCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the token encryption key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyIdOf(key);
    }

    public static AesGcmTokenCipher fromBase64(String base64Key) {
        try {
            return new AesGcmTokenCipher(Base64.getDecoder().decode(base64Key.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("calendar.encryption-key must be 32 random bytes in base64 "
                    + "(e.g. openssl rand -base64 32)", null);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String decrypt(byte[] stored, String context) {
        if (stored.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("not an AES-GCM token ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token ciphertext does not decrypt with key " + keyId
                    + " in context " + context + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String keyIdOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmTokenCipher[keyId=" + keyId + "]";
    }
}
