package dev.tiktokcalendar.tiktok.auth;

/**
 * Encrypts tokens at rest. {@code context} binds a ciphertext to where it is stored (e.g. account id and column),
 * so a ciphertext copied to another row does not decrypt. {@link #keyId()} is stored beside the ciphertext.
 */
public interface TokenCipher {

    String keyId();

    byte[] encrypt(String plaintext, String context);

    String decrypt(byte[] ciphertext, String context);
}
