package io.pbxctl.daemon.quota;

import java.time.LocalDate;

/**
 * A user's outbound minutes in the current month of their tenant's time zone. Without a
 * monthly quota the user is unlimited and remainingSeconds is null.
 */
public record QuotaView(Integer monthlyMinutes, LocalDate periodStart, long usedSeconds, Long remainingSeconds) {
}
