package io.pbxctl.daemon.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers for a few minutes that a password matched a stored bcrypt hash. HTTP Basic sends
 * the password with every request and bcrypt costs about 100 ms each time, which scripts feel.
 * The key covers the stored hash too, so a changed password is never served from here; only a
 * digest is kept, never the password.
 */
class VerifiedPasswords {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    VerifiedPasswords(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    boolean matches(String username, String password, String storedHash) {
        Instant until = verified.get(key(username, password, storedHash));
        return until != null && clock.instant().isBefore(until);
    }

    void remember(String username, String password, String storedHash) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key(username, password, storedHash), clock.instant().plus(lifetime));
    }

    private static String key(String username, String password, String storedHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {username, password, storedHash}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
