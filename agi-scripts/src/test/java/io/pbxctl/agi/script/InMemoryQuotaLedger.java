package io.pbxctl.agi.script;

import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.QuotaLedger;
import io.pbxctl.agi.port.Reservation;
import io.pbxctl.agi.port.Settlement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seconds left per user (a user not listed has no quota), the reservation of each call (call id
 * to user id) and the talk time charged per call.
 */
final class InMemoryQuotaLedger implements QuotaLedger {

    final Map<String, Long> reservedFor = new LinkedHashMap<>();
    final Map<String, Long> charged = new LinkedHashMap<>();
    private final Map<Long, Long> left = new HashMap<>();
    private RuntimeException failure;

    /** What the ledger holds now, which may be less than the caller's snapshot said (a concurrent call). */
    InMemoryQuotaLedger left(long userId, long seconds) {
        left.put(userId, seconds);
        return this;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public Reservation reserve(String callId, Party party, long minimumSeconds, Instant now) {
        if (failure != null) {
            throw failure;
        }
        Long seconds = left.get(party.userId());
        if (seconds != null && seconds < Math.max(1, minimumSeconds)) {
            return Reservation.refused();
        }
        reservedFor.put(callId, party.userId());
        if (seconds == null) {
            return Reservation.of(0);
        }
        left.put(party.userId(), 0L);
        return Reservation.of(seconds);
    }

    @Override
    public Settlement settle(String callId, long talkSeconds, Instant now) {
        if (failure != null) {
            throw failure;
        }
        if (!reservedFor.containsKey(callId)) {
            return Settlement.NOTHING_RESERVED;
        }
        return charged.putIfAbsent(callId, talkSeconds) == null ? Settlement.CHARGED : Settlement.ALREADY_SETTLED;
    }
}
