package io.pbxctl.daemon.quota;

import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.QuotaLedger;
import io.pbxctl.agi.port.Reservation;
import io.pbxctl.agi.port.Settlement;
import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Utc;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Minute reservations and settlements on MariaDB: {@link QuotaReservations} for users with a
 * quota, {@link UnlimitedReservations} for the others. A settlement is keyed on the call's
 * unique id: the second one finds it and charges nothing.
 */
@Component
class JdbcQuotaLedger implements QuotaLedger {

    private final CallDatabase database;
    private final UnlimitedReservations unlimited;
    private final QuotaReservations limited;

    JdbcQuotaLedger(CallDatabase database, UnlimitedReservations unlimited, QuotaReservations limited) {
        this.database = database;
        this.unlimited = unlimited;
        this.limited = limited;
    }

    @Override
    public Reservation reserve(String callId, Party party, long minimumSeconds, Instant now) {
        if (party.monthlyQuotaMinutes() == null) {
            // Nothing to hold back, but the row says whom the settlement charges (usage is shown for everyone).
            unlimited.record(callId, party.userId(), party.period(), now);
            return Reservation.of(0);
        }
        long granted = limited.reserve(new QuotaReservations.Request(callId, party.userId(), party.period(),
                party.monthlyQuotaMinutes() * 60L, minimumSeconds, now));
        return granted == 0 ? Reservation.refused() : Reservation.of(granted);
    }

    private record Held(long userId, LocalDate period, long reservedSeconds) {
    }

    @Override
    public Settlement settle(String callId, long talkSeconds, Instant now) {
        return database.transactions().execute(status -> {
            JdbcClient jdbc = database.jdbc();
            Optional<Held> held = jdbc.sql("SELECT user_id, period_start, reserved_seconds FROM quota_reservation WHERE call_id = ? FOR UPDATE")
                    .param(callId)
                    .query((rs, n) -> new Held(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
                    .optional();
            if (held.isEmpty()) {
                boolean settled = jdbc.sql("SELECT COUNT(*) FROM call_settlement WHERE call_id = ? LOCK IN SHARE MODE").param(callId)
                        .query(Long.class).single() > 0;
                return settled ? Settlement.ALREADY_SETTLED : Settlement.NOTHING_RESERVED;
            }
            int recorded = jdbc.sql("INSERT IGNORE INTO call_settlement (call_id, user_id, period_start, talk_seconds, settled_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(callId, held.get().userId(), held.get().period(), talkSeconds, Utc.of(now))
                    .update();
            jdbc.sql("DELETE FROM quota_reservation WHERE call_id = ?").param(callId).update();
            long charged = recorded == 0 ? 0 : talkSeconds;
            if (charged > 0 || held.get().reservedSeconds() > 0) {
                // The row's seconds leave the reserved counter as they turn into usage (migration 0038).
                jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, ?) "
                                + "ON DUPLICATE KEY UPDATE used_seconds = used_seconds + VALUES(used_seconds), reserved_seconds = reserved_seconds - ?")
                        .params(held.get().userId(), held.get().period(), charged, held.get().reservedSeconds())
                        .update();
            }
            return recorded == 0 ? Settlement.ALREADY_SETTLED : Settlement.CHARGED;
        });
    }
}
