package dev.tiktokcalendar.tiktok.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts under the current key and decrypts with the current or any previous key, so a key can be rotated
 * without downtime: configure the new key as current and the old one as previous, then re-encrypt every row
 * ({@code accounts rotate-key}); once no row carries the old key id, drop it. GCM's tag makes a wrong key fail
 * loudly, so trying the keys in turn never yields a wrong plaintext.
 */
public final class KeyRingTokenCipher implements TokenCipher {

    private final TokenCipher current;
    private final List<TokenCipher> previous;

    public KeyRingTokenCipher(TokenCipher current, List<TokenCipher> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
    }

    @Override
    public String keyId() {
        return current.keyId();
    }

    @Override
    public byte[] encrypt(String plaintext, String context) {
        return current.encrypt(plaintext, context);
    }

    @Override
    public String decrypt(byte[] ciphertext, String context) {
        List<String> tried = new ArrayList<>();
        try {
            return current.decrypt(ciphertext, context);
        } catch (IllegalStateException notThisKey) {
            tried.add(current.keyId());
        }
        for (TokenCipher older : previous) {
            try {
                return older.decrypt(ciphertext, context);
            } catch (IllegalStateException notThisKey) {
                tried.add(older.keyId());
            }
        }
        throw new IllegalStateException("token ciphertext in context " + context + " decrypts with none of the keys "
                + tried + " (calendar.encryption-key, calendar.previous-encryption-keys)");
    }

    @Override
    public String toString() {
        return "KeyRingTokenCipher[current=" + current.keyId() + ", previous=" + previous.stream().map(TokenCipher::keyId).toList() + "]";
    }
}
