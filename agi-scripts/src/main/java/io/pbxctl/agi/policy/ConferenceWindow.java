package io.pbxctl.agi.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Whether a conference room with a scheduled start is open at a given moment. */
public final class ConferenceWindow {

    private ConferenceWindow() {
    }

    /**
     * A room without a start time is always open; otherwise from the start (wall-clock time in
     * the tenant's zone; a start inside a DST gap moves forward) until start plus duration.
     */
    public static boolean isOpen(LocalDateTime start, Integer durationMinutes, ZoneId zone, Instant now) {
        if (start == null) {
            return true;
        }
        Instant opens = start.atZone(zone).toInstant();
        return !now.isBefore(opens) && now.isBefore(closes(start, durationMinutes, zone));
    }

    /**
     * How long a caller let in at {@code now} may stay: the whole seconds until the window closes,
     * rounded up so that it is never 0 while open; 0 (no limit) for a room without a start time.
     * ConfBridge ejects the caller then itself, so nobody who joins late outstays the window.
     */
    public static long secondsLeft(LocalDateTime start, Integer durationMinutes, ZoneId zone, Instant now) {
        if (start == null) {
            return 0;
        }
        long millis = Duration.between(now, closes(start, durationMinutes, zone)).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private static Instant closes(LocalDateTime start, Integer durationMinutes, ZoneId zone) {
        return start.atZone(zone).toInstant().plus(Duration.ofMinutes(durationMinutes == null ? 0 : durationMinutes));
    }
}
