package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.agi.CallDatabase;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts back a usage row's reserved counter (migration 0038) where it no longer equals its
 * reservation rows. Nothing in this daemon lets them drift, but a daemon of an older version
 * settling calls during a rolling upgrade does not know the counter, and a drift must not
 * refuse a user's calls until the month ends. Candidates come from a plain read; each one is
 * then counted again under its usage row's lock, as {@code reserve_quotas} counts, and only a
 * real difference is written.
 */
@Component
class ReservedCounterRepair {

    private static final Logger log = LoggerFactory.getLogger(ReservedCounterRepair.class);

    private record Row(long userId, LocalDate period) {
    }

    private final CallDatabase database;

    ReservedCounterRepair(CallDatabase database) {
        this.database = database;
    }

    @Scheduled(initialDelay = 90_000, fixedDelay = 3_600_000)
    void repairAll() {
        try {
            int repaired = repair();
            if (repaired > 0) {
                log.warn("corrected the reserved seconds of {} usage rows that disagreed with their reservations", repaired);
            }
        } catch (RuntimeException e) {
            log.warn("could not check the reserved seconds of usage rows: {}", e.getMessage());
        }
    }

    int repair() {
        List<Row> suspects = database.jdbc().sql("""
                        SELECT m.user_id, m.period_start FROM minute_usage m
                        LEFT JOIN (SELECT user_id, period_start, SUM(reserved_seconds) AS held FROM quota_reservation
                                   GROUP BY user_id, period_start) r ON r.user_id = m.user_id AND r.period_start = m.period_start
                        WHERE m.reserved_seconds <> COALESCE(r.held, 0)""")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
        int repaired = 0;
        for (Row row : suspects) {
            Boolean changed = database.transactions().execute(status -> {
                Long counter = database.jdbc().sql("SELECT reserved_seconds FROM minute_usage WHERE user_id = ? AND period_start = ? FOR UPDATE")
                        .params(row.userId(), row.period()).query(Long.class).optional().orElse(null);
                long held = database.jdbc().sql("SELECT COALESCE(SUM(reserved_seconds), 0) FROM quota_reservation "
                                + "WHERE user_id = ? AND period_start = ?")
                        .params(row.userId(), row.period()).query(Long.class).single();
                if (counter == null || counter == held) {
                    return false;
                }
                database.jdbc().sql("UPDATE minute_usage SET reserved_seconds = ? WHERE user_id = ? AND period_start = ?")
                        .params(held, row.userId(), row.period()).update();
                return true;
            });
            repaired += Boolean.TRUE.equals(changed) ? 1 : 0;
        }
        return repaired;
    }
}
