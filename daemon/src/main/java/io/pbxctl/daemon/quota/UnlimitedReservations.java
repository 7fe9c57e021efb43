package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records the calls of users without a quota, so that settlement knows whom to charge. The rows
 * hold nothing back, so the calls waiting at one moment are written together in one statement
 * ({@link GroupCommit}).
 */
@Component
class UnlimitedReservations implements AutoCloseable {

    /** How long an unlimited call's row waits for its settlement before it is purged. */
    static final Duration LIFETIME = Duration.ofDays(1);
    private static final int MAX_BATCH = 256;

    private record Pending(String callId, long userId, LocalDate period, Instant now) {
    }

    private final CallDatabase database;
    private final GroupCommit<Pending, Void> writes;

    UnlimitedReservations(CallDatabase database, PbxProperties properties) {
        this.database = database;
        // A write waits at most for a connection and then for the statement, each bounded by the timeout.
        this.writes = new GroupCommit<>("pbx-unlimited-reservations", MAX_BATCH, properties.fastagi().databaseTimeout().multipliedBy(3),
                this::insert);
    }

    /** Returns once the call's row is committed; throws when it could not be. */
    void record(String callId, long userId, LocalDate period, Instant now) {
        writes.submit(new Pending(callId, userId, period, now), "the call " + callId);
    }

    private List<Void> insert(List<Pending> batch) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO quota_reservation (call_id, user_id, period_start, reserved_seconds, created_at, expires_at) VALUES ");
        List<Object> params = new ArrayList<>(batch.size() * 5);
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, 0, ?, ?)");
            params.add(p.callId());
            params.add(p.userId());
            params.add(p.period());
            params.add(Utc.of(p.now()));
            params.add(Utc.of(p.now().plus(LIFETIME)));
        }
        // The same call asking twice (a dialplan retry) replaces its own row instead of holding two; but a row that
        // holds seconds is counted in minute_usage.reserved_seconds and bounds its earliest_expiry, which only
        // reserve_quotas, settlements and the purge change.
        sql.append(" ON DUPLICATE KEY UPDATE user_id = IF(reserved_seconds = 0, VALUES(user_id), user_id), "
                + "period_start = IF(reserved_seconds = 0, VALUES(period_start), period_start), "
                + "created_at = IF(reserved_seconds = 0, VALUES(created_at), created_at), "
                + "expires_at = IF(reserved_seconds = 0, VALUES(expires_at), expires_at)");
        database.jdbc().sql(sql.toString()).params(params).update();
        return Collections.nCopies(batch.size(), null);
    }

    @Override
    public void close() {
        writes.close();
    }
}
