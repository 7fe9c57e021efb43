package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reservations whose hangup never came are deleted a day after expiry, and leave the reserved counter with them. */
class ReservationPurgeTests extends ApiTestSupport {

    private static final LocalDate PERIOD = LocalDate.of(2026, 11, 1);

    @Autowired
    private CallDatabase database;

    @Test
    void purgesOnlyReservationsExpiredBeforeTheCutoffAndTakesTheirSecondsOffTheCounter() {
        long user = newTenant("VN").create("users", Map.of("name", "Payer"));
        // Ten days ahead, so that the daemon's own hourly purge (cutoff: a day ago) never touches these rows.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.MILLIS);
        String lost = "1763800000.1";
        String running = "1763800000.2";
        assertThat(reserve(lost, user, 60, now.minusDays(3))).isEqualTo(60);
        assertThat(reserve(running, user, 120, now)).as("the lost call no longer holds its minute").isEqualTo(120);
        for (int i = 0; i < 1_100; i++) {
            jdbc.sql("INSERT INTO quota_reservation (call_id, user_id, period_start, reserved_seconds, created_at, expires_at) "
                            + "VALUES (?, ?, ?, 0, ?, ?)")
                    .params("1763700000." + i, user, PERIOD, now.minusDays(3), now.minusDays(2)).update();
        }
        assertThat(counter(user)).isEqualTo(180);

        int purged = new ReservationPurge(database).purgeExpiredBefore(now.minusDays(1).toInstant(ZoneOffset.UTC));

        assertThat(purged).as("in batches, every unlimited row and the lost one (and older tests' rows)").isGreaterThanOrEqualTo(1_101);
        assertThat(jdbc.sql("SELECT call_id FROM quota_reservation WHERE user_id = ?").param(user).query(String.class).list())
                .containsExactly(running);
        assertThat(counter(user)).isEqualTo(120);
        assertThat(new ReservationPurge(database).purgeExpiredBefore(now.toInstant(ZoneOffset.UTC)))
                .as("the running call has not expired").isZero();
    }

    private long reserve(String call, long user, long maximum, LocalDateTime at) {
        return QuotaRows.reserve(jdbc, call, user, PERIOD, 180, 0, maximum, at, 1_000);
    }

    private long counter(long user) {
        return QuotaRows.reservedCounter(jdbc, user, PERIOD);
    }
}
