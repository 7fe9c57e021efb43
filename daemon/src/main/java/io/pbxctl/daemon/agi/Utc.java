package io.pbxctl.daemon.agi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Call-time tables keep DATETIME in UTC, whatever the JVM's zone, like the JPA-managed ones. */
public final class Utc {

    private Utc() {
    }

    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
