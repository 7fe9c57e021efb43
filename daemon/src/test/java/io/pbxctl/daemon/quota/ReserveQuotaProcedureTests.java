package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.policy.QuotaGrant;
import io.pbxctl.daemon.ApiTestSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The database's {@code reserve_quota} procedure grants exactly what {@link QuotaGrant} says,
 * for every combination of quota, usage, other calls' reservations (live or expired), minimum and
 * cap, and keeps the usage row's reserved counter equal to the period's reservation rows.
 */
class ReserveQuotaProcedureTests extends ApiTestSupport {

    private static final LocalDate PERIOD = LocalDate.of(2026, 11, 1);
    private static final long GRACE_MS = 600_000;
    private static final AtomicLong calls = new AtomicLong();

    @Test
    void grantsWhatQuotaGrantGrantsAndHoldsItUntilTheLimitPlusGrace() {
        long user = newTenant("VN").create("users", Map.of("name", "Payer"));
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        for (long quota : new long[] {120, 600}) {
            for (long used : new long[] {0, 30, 500}) {
                for (long reserved : new long[] {0, 59, 61}) {
                    for (boolean expired : new boolean[] {false, true}) {
                        for (long minimum : new long[] {0, 60}) {
                            for (long maximum : new long[] {0, 90}) {
                                jdbc.sql("DELETE FROM quota_reservation WHERE user_id = ?").param(user).update();
                                jdbc.sql("REPLACE INTO minute_usage (user_id, period_start, used_seconds, reserved_seconds) VALUES (?, ?, ?, ?)")
                                        .params(user, PERIOD, used, reserved).update();
                                if (reserved > 0) {
                                    hold(callId(), user, reserved, now, expired ? now.minusSeconds(1) : now.plusHours(1));
                                }
                                String call = callId();
                                long granted = reserve(call, user, quota, minimum, maximum, now);

                                String inputs = "quota %d, used %d, reserved %d%s, minimum %d, maximum %d"
                                        .formatted(quota, used, reserved, expired ? " (expired)" : "", minimum, maximum);
                                long holding = expired ? 0 : reserved;
                                assertThat(granted).as(inputs).isEqualTo(QuotaGrant.seconds(quota, used, holding, minimum, maximum));
                                var held = jdbc.sql("SELECT expires_at FROM quota_reservation WHERE call_id = ?").param(call)
                                        .query(LocalDateTime.class).optional();
                                if (granted == 0) {
                                    assertThat(held).as(inputs).isEmpty();
                                } else {
                                    assertThat(held).as(inputs).contains(now.plusSeconds(granted).plusNanos(GRACE_MS * 1_000_000));
                                }
                                assertThat(reservedCounter(user)).as(inputs).isEqualTo(reserved + granted);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aCallReservingAgainDoesNotCountItsEarlierReservationAndReplacesItOnlyWhenGranted() {
        long user = newTenant("VN").create("users", Map.of("name", "Payer"));
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        String call = callId();
        assertThat(reserve(call, user, 120, 60, 60, now)).isEqualTo(60);
        assertThat(reserve(call, user, 120, 60, 0, now)).as("its own 60 s are not counted against it").isEqualTo(120);
        assertThat(reservedCounter(user)).isEqualTo(120);
        assertThat(jdbc.sql("SELECT reserved_seconds FROM quota_reservation WHERE user_id = ?").param(user).query(Long.class).list())
                .containsExactly(120L);

        jdbc.sql("UPDATE minute_usage SET used_seconds = 90 WHERE user_id = ?").param(user).update();
        assertThat(reserve(call, user, 120, 60, 0, now)).as("30 s left: refused").isZero();
        assertThat(reservedCounter(user)).as("a refusal keeps the earlier reservation").isEqualTo(120);

        long other = newTenant("VN").create("users", Map.of("name", "Owner"));
        assertThat(reserve(call, other, 600, 60, 0, now)).as("the same call charged to an account code's owner").isEqualTo(600);
        assertThat(reservedCounter(user)).as("the seconds leave the first user's counter").isZero();
        assertThat(reservedCounter(other)).isEqualTo(600);
    }

    private long reserve(String call, long user, long quota, long minimum, long maximum, LocalDateTime now) {
        return QuotaRows.reserve(jdbc, call, user, PERIOD, quota, minimum, maximum, now, GRACE_MS);
    }

    private void hold(String call, long user, long seconds, LocalDateTime now, LocalDateTime expiresAt) {
        jdbc.sql("INSERT INTO quota_reservation (call_id, user_id, period_start, reserved_seconds, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(call, user, PERIOD, seconds, now, expiresAt).update();
    }

    private long reservedCounter(long user) {
        return QuotaRows.reservedCounter(jdbc, user, PERIOD);
    }

    private static String callId() {
        return "1763900000." + calls.incrementAndGet();
    }
}
