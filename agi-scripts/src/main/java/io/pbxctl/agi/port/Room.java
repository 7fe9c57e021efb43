package io.pbxctl.agi.port;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** A conference room as the conference script needs it. */
public record Room(String tenantSlug, String number, LocalDateTime start, Integer durationMinutes, ZoneId zone,
        String pin, Long hostUserId) {
}
