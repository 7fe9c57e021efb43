package io.pbxctl.daemon.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-256-GCM. The stored form is {@code v1:} followed by the
 * base64 of nonce and ciphertext, so that a later key or algorithm can sit beside this one.
 */
@Component
public class SecretBox {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /**
     * A Cipher per thread, re-initialised for each secret: looking one up costs more than the
     * decryption itself, and config generation opens one secret per device (20,000 for 10,000
     * users). A Cipher is not thread-safe, hence one per thread.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no AES/GCM", e);
        }
    });

    public SecretBox(SecretKeys keys) {
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key or was altered */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] raw = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: wrong master key or altered data", e);
        }
    }
}
