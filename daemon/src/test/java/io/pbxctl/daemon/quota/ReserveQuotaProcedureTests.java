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
 * for every combination of quota, usage, other calls' reservations, minimum and cap.
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
                    for (long minimum : new long[] {0, 60}) {
                        for (long maximum : new long[] {0, 90}) {
                            jdbc.sql("DELETE FROM quota_reservation WHERE user_id = ?").param(user).update();
                            jdbc.sql("REPLACE INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, ?)")
                                    .params(user, PERIOD, used).update();
                            if (reserved > 0) {
                                jdbc.sql("INSERT INTO quota_reservation (call_id, user_id, period_start, reserved_seconds, created_at, expires_at) "
                                                + "VALUES (?, ?, ?, ?, ?, ?)")
                                        .params(callId(), user, PERIOD, reserved, now, now.plusHours(1)).update();
                            }
                            String call = callId();
                            long granted = jdbc.sql("CALL reserve_quota(?, ?, ?, ?, ?, ?, ?, ?)")
                                    .params(call, user, PERIOD, quota, minimum, maximum, now, GRACE_MS).query(Long.class).single();

                            String inputs = "quota %d, used %d, reserved %d, minimum %d, maximum %d".formatted(quota, used, reserved, minimum, maximum);
                            assertThat(granted).as(inputs).isEqualTo(QuotaGrant.seconds(quota, used, reserved, minimum, maximum));
                            var held = jdbc.sql("SELECT expires_at FROM quota_reservation WHERE call_id = ?").param(call)
                                    .query(LocalDateTime.class).optional();
                            if (granted == 0) {
                                assertThat(held).as(inputs).isEmpty();
                            } else {
                                assertThat(held).as(inputs).contains(now.plusSeconds(granted).plusNanos(GRACE_MS * 1_000_000));
                            }
                        }
                    }
                }
            }
        }
    }

    private static String callId() {
        return "1763900000." + calls.incrementAndGet();
    }
}
