package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Utc;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes reservations whose settlement never came (a daemon or Asterisk crash) a day after
 * they stopped counting.
 */
@Component
class ReservationPurge {

    private static final Logger log = LoggerFactory.getLogger(ReservationPurge.class);
    static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);

    private final CallDatabase database;
    private final Clock clock = Clock.systemUTC();

    ReservationPurge(CallDatabase database) {
        this.database = database;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purge() {
        try {
            int reservations = database.jdbc().sql("DELETE FROM quota_reservation WHERE expires_at < ?")
                    .param(Utc.of(clock.instant().minus(KEEP_AFTER_EXPIRY))).update();
            if (reservations > 0) {
                log.info("purged {} reservations whose call never settled", reservations);
            }
        } catch (RuntimeException e) {
            log.warn("could not purge old reservations: {}", e.getMessage());
        }
    }
}
