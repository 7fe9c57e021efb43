package io.pbxctl.daemon.quota;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The quota tests' direct calls of the reserve_quota procedure and reads of a usage row's reserved counter. */
final class QuotaRows {

    private QuotaRows() {
    }

    /** The seconds reserve_quota grants the call. */
    static long reserve(JdbcClient jdbc, String call, long user, LocalDate period, long quota, long minimum, long maximum,
            LocalDateTime now, long graceMs) {
        return jdbc.sql("CALL reserve_quota(?, ?, ?, ?, ?, ?, ?, ?)")
                .params(call, user, period, quota, minimum, maximum, now, graceMs).query(Long.class).single();
    }

    static long reservedCounter(JdbcClient jdbc, long user, LocalDate period) {
        return jdbc.sql("SELECT reserved_seconds FROM minute_usage WHERE user_id = ? AND period_start = ?").params(user, period)
                .query(Long.class).single();
    }
}
