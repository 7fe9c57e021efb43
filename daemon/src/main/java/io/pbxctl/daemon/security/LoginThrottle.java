package io.pbxctl.daemon.security;

import io.pbxctl.daemon.system.PbxProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per key (a username, a client address) and locks a key out for a while
 * after too many failures in the window, the limit being the caller's to choose per key. Kept in memory: a restart forgives, and with several
 * daemons each counts its own share, which still bounds guessing to a few tries per minute.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(PbxProperties properties) {
        this(properties.logins(), Clock.systemUTC());
    }

    LoginThrottle(PbxProperties.Logins settings, Clock clock) {
        this.window = settings.window();
        this.lockout = settings.lockout();
        this.clock = clock;
    }

    /** How long the key is still locked out, or empty when it may try. */
    public Optional<Duration> lockedFor(String key) {
        Attempts entry = attempts.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            Instant now = clock.instant();
            return entry.lockedUntil != null && now.isBefore(entry.lockedUntil)
                    ? Optional.of(Duration.between(now, entry.lockedUntil))
                    : Optional.empty();
        }
    }

    /** Records a failure; true when this failure locked the key out. */
    public boolean recordFailure(String key, int maxFailures) {
        if (attempts.size() > MAX_TRACKED_KEYS) {
            forgetIdle();
        }
        Attempts entry = attempts.computeIfAbsent(key, k -> new Attempts());
        synchronized (entry) {
            Instant now = clock.instant();
            entry.failures.addLast(now);
            while (!entry.failures.isEmpty() && entry.failures.peekFirst().isBefore(now.minus(window))) {
                entry.failures.removeFirst();
            }
            if (entry.failures.size() >= maxFailures) {
                entry.failures.clear();
                entry.lockedUntil = now.plus(lockout);
                return true;
            }
            return false;
        }
    }

    public void recordSuccess(String key) {
        attempts.remove(key);
    }

    private void forgetIdle() {
        Instant horizon = clock.instant().minus(window.plus(lockout));
        attempts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Instant last = e.getValue().failures.peekLast();
                Instant locked = e.getValue().lockedUntil;
                return (last == null || last.isBefore(horizon)) && (locked == null || locked.isBefore(clock.instant()));
            }
        });
    }

    private static final class Attempts {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;
    }
}
