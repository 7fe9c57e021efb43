package io.pbxctl.agi.port;

import java.time.Instant;

/**
 * Reservations and usage of monthly minutes (port implemented by the daemon). Both operations
 * are atomic: concurrent reservations of one user never together exceed the quota, and a call
 * is charged once whatever the number of settlements.
 */
public interface QuotaLedger {

    /** Reserves for a new call what the party may use; a party without quota gets no limit. */
    Reservation reserve(String callId, Party party, long minimumSeconds, Instant now);

    /** Charges the talk time of the answered call to its party and releases the reservation. */
    Settlement settle(String callId, long talkSeconds, Instant now);
}
