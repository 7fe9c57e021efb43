package io.pbxctl.daemon.conference;

import java.time.Instant;
import java.time.LocalDateTime;

/** A conference room as shown to its tenant's admins, PIN included: they hand it to the guests. */
record ConferenceRoomView(Long id, String number, Long hostUserId, String description, LocalDateTime startTime,
        Integer durationMinutes, String pin, Instant updatedAt) {
}
