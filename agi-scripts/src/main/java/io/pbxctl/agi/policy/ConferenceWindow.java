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
        Instant closes = opens.plus(Duration.ofMinutes(durationMinutes == null ? 0 : durationMinutes));
        return !now.isBefore(opens) && now.isBefore(closes);
    }
}
