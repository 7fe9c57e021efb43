package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Utc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes reservations whose settlement never came (a daemon or Asterisk crash) a day after
 * they stopped counting, and takes their seconds off the reserved counter of their usage row
 * in the same transaction (migration 0038), a batch at a time.
 */
@Component
class ReservationPurge {

    private static final Logger log = LoggerFactory.getLogger(ReservationPurge.class);
    static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);
    private static final int BATCH = 500;

    private record Lost(String callId, long userId, LocalDate period, long seconds) {
    }

    private record Usage(long userId, LocalDate period) {
    }

    private final CallDatabase database;
    private final Clock clock = Clock.systemUTC();

    ReservationPurge(CallDatabase database) {
        this.database = database;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purge() {
        try {
            int purged = purgeExpiredBefore(clock.instant().minus(KEEP_AFTER_EXPIRY));
            if (purged > 0) {
                log.info("purged {} reservations whose call never settled", purged);
            }
        } catch (RuntimeException e) {
            log.warn("could not purge old reservations: {}", e.getMessage());
        }
    }

    int purgeExpiredBefore(Instant cutoff) {
        int purged = 0;
        int batch;
        do {
            batch = database.transactions().execute(status -> purgeBatch(cutoff));
            purged += batch;
        } while (batch == BATCH);
        return purged;
    }

    private int purgeBatch(Instant cutoff) {
        JdbcClient jdbc = database.jdbc();
        List<Lost> lost = jdbc.sql("SELECT call_id, user_id, period_start, reserved_seconds FROM quota_reservation "
                        + "WHERE expires_at < ? ORDER BY expires_at LIMIT " + BATCH + " FOR UPDATE")
                .param(Utc.of(cutoff))
                .query((rs, n) -> new Lost(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4)))
                .list();
        if (lost.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM quota_reservation WHERE call_id IN (:ids)")
                .param("ids", lost.stream().map(Lost::callId).toList())
                .update();
        Map<Usage, Long> held = lost.stream().filter(l -> l.seconds() > 0)
                .collect(Collectors.groupingBy(l -> new Usage(l.userId(), l.period()), Collectors.summingLong(Lost::seconds)));
        held.forEach((usage, seconds) -> jdbc.sql(
                        "UPDATE minute_usage SET reserved_seconds = reserved_seconds - ? WHERE user_id = ? AND period_start = ?")
                .params(seconds, usage.userId(), usage.period())
                .update());
        return lost.size();
    }
}
