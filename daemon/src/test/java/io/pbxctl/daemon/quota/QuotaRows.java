package io.pbxctl.daemon.quota;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quota tests' direct calls of the reserve_quota procedure, reservation rows written as the
 * procedure would, and reads of a usage row's reserved counter.
 */
final class QuotaRows {

    private QuotaRows() {
    }

    /** The seconds reserve_quota grants the call. */
    static long reserve(JdbcClient jdbc, String call, long user, LocalDate period, long quota, long minimum, long maximum,
            LocalDateTime now, long graceMs) {
        return jdbc.sql("CALL reserve_quota(?, ?, ?, ?, ?, ?, ?, ?)")
                .params(call, user, period, quota, minimum, maximum, now, graceMs).query(Long.class).single();
    }

    /** A reservation row written directly, bypassing the counter and the earliest expiry, which the test sets itself. */
    static void hold(JdbcClient jdbc, String call, long user, LocalDate period, long seconds, LocalDateTime createdAt,
            LocalDateTime expiresAt) {
        jdbc.sql("INSERT INTO quota_reservation (call_id, user_id, period_start, reserved_seconds, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(call, user, period, seconds, createdAt, expiresAt).update();
    }

    static long reservedCounter(JdbcClient jdbc, long user, LocalDate period) {
        return jdbc.sql("SELECT reserved_seconds FROM minute_usage WHERE user_id = ? AND period_start = ?").params(user, period)
                .query(Long.class).single();
    }
}
