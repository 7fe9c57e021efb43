package io.pbxctl.daemon.cdr;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A call record ready to store: Asterisk's record with what the model says about it, as ids.
 * {@code start} is when the call began (its end for the rare record without a start), {@code day}
 * that moment's date in the tenant's time zone.
 */
record CallRow(RawCdr cdr, long tenantId, Instant start, LocalDate day, String direction, String disposition, int talkSeconds,
        Long userId, Long departmentId, Long deviceId, Long peerUserId, Long accountOwnerId, String callerName) {
}
