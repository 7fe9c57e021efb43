package io.pbxctl.daemon.conference;

import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/**
 * A conference room as sent by a client. startTime is wall-clock time in the tenant's time zone
 * (for example 2026-12-01T09:30) and comes with durationMinutes, or both are left out for a
 * room that is always open.
 */
record ConferenceRoomRequest(
        @NotBlank @Pattern(regexp = Rules.ROOM, message = Rules.ROOM_MESSAGE) String number,
        Long hostUserId,
        @Size(max = 255) @SafeText String description,
        LocalDateTime startTime,
        @Min(1) @Max(10080) Integer durationMinutes,
        @Pattern(regexp = "^[0-9]{4,12}$", message = "must be 4 to 12 digits") String pin) {
}
