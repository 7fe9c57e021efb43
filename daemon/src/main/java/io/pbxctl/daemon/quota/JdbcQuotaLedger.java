package io.pbxctl.daemon.quota;

import io.pbxctl.agi.policy.QuotaGrant;
import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.QuotaLedger;
import io.pbxctl.agi.port.Reservation;
import io.pbxctl.agi.port.Settlement;
import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Minute reservations and settlements on MariaDB. A reservation locks the user's usage row of
 * the period, so two calls of one user reserve one after the other and see each other's share.
 * A settlement is keyed on the call's unique id: the second one finds it and charges nothing.
 */
@Component
class JdbcQuotaLedger implements QuotaLedger {

    /** How long an unlimited call's reservation waits for its settlement before it is purged. */
    static final Duration UNLIMITED_RESERVATION = Duration.ofDays(1);
    private static final int LOCK_ATTEMPTS = 3;

    private final CallDatabase database;
    private final long maximumSeconds;
    private final Duration grace;

    JdbcQuotaLedger(CallDatabase database, PbxProperties properties) {
        this.database = database;
        this.maximumSeconds = properties.calls().maximumReservation().toSeconds();
        this.grace = properties.calls().reservationGrace();
    }

    @Override
    public Reservation reserve(String callId, Party party, long minimumSeconds, Instant now) {
        if (party.monthlyQuotaMinutes() == null) {
            // Nothing to hold back, but the row says whom the settlement charges (usage is shown for everyone).
            insert(database.jdbc(), callId, party, 0, now, now.plus(UNLIMITED_RESERVATION));
            return Reservation.of(0);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return reserveLimited(callId, party, minimumSeconds, now);
            } catch (PessimisticLockingFailureException e) {
                // Two first calls of a month can deadlock creating the usage row; InnoDB lets one win, the other retries.
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Reservation reserveLimited(String callId, Party party, long minimumSeconds, Instant now) {
        return database.transactions().execute(status -> {
            JdbcClient jdbc = database.jdbc();
            jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, 0) "
                            + "ON DUPLICATE KEY UPDATE used_seconds = used_seconds")
                    .params(party.userId(), party.period()).update();
            long used = jdbc.sql("SELECT used_seconds FROM minute_usage WHERE user_id = ? AND period_start = ? FOR UPDATE")
                    .params(party.userId(), party.period()).query(Long.class).single();
            long reserved = jdbc.sql("SELECT COALESCE(SUM(reserved_seconds), 0) FROM quota_reservation "
                            + "WHERE user_id = ? AND expires_at > ? AND call_id <> ?")
                    .params(party.userId(), Utc.of(now), callId).query(Long.class).single();
            long granted = QuotaGrant.seconds(party.monthlyQuotaMinutes() * 60L, used, reserved, minimumSeconds, maximumSeconds);
            if (granted == 0) {
                return Reservation.refused();
            }
            insert(jdbc, callId, party, granted, now, now.plusSeconds(granted).plus(grace));
            return Reservation.of(granted);
        });
    }

    private static void insert(JdbcClient jdbc, String callId, Party party, long seconds, Instant now, Instant expires) {
        // The same call asking twice (a dialplan retry) replaces its own reservation instead of holding two.
        jdbc.sql("INSERT INTO quota_reservation (call_id, user_id, period_start, reserved_seconds, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), period_start = VALUES(period_start), "
                        + "reserved_seconds = VALUES(reserved_seconds), created_at = VALUES(created_at), expires_at = VALUES(expires_at)")
                .params(callId, party.userId(), party.period(), seconds, Utc.of(now), Utc.of(expires))
                .update();
    }

    private record Held(long userId, LocalDate period) {
    }

    @Override
    public Settlement settle(String callId, long talkSeconds, Instant now) {
        return database.transactions().execute(status -> {
            JdbcClient jdbc = database.jdbc();
            Optional<Held> held = jdbc.sql("SELECT user_id, period_start FROM quota_reservation WHERE call_id = ? FOR UPDATE")
                    .param(callId)
                    .query((rs, n) -> new Held(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                    .optional();
            if (held.isEmpty()) {
                boolean settled = jdbc.sql("SELECT COUNT(*) FROM call_settlement WHERE call_id = ?").param(callId).query(Long.class).single() > 0;
                return settled ? Settlement.ALREADY_SETTLED : Settlement.NOTHING_RESERVED;
            }
            int recorded = jdbc.sql("INSERT IGNORE INTO call_settlement (call_id, user_id, period_start, talk_seconds, settled_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(callId, held.get().userId(), held.get().period(), talkSeconds, Utc.of(now))
                    .update();
            jdbc.sql("DELETE FROM quota_reservation WHERE call_id = ?").param(callId).update();
            if (recorded == 0) {
                return Settlement.ALREADY_SETTLED;
            }
            if (talkSeconds > 0) {
                jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, ?) "
                                + "ON DUPLICATE KEY UPDATE used_seconds = used_seconds + VALUES(used_seconds)")
                        .params(held.get().userId(), held.get().period(), talkSeconds)
                        .update();
            }
            return Settlement.CHARGED;
        });
    }
}
