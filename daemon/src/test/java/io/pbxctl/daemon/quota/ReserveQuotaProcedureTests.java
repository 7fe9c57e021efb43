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
 * for every combination of quota, usage, other calls' reservations (live or expired), minimum,
 * cap and earliest expiry (unknown, or known and not passed, or passed: migration 0052), keeps the
 * usage row's reserved counter equal to the period's reservation rows, and its earliest expiry a
 * lower bound of theirs.
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
                        for (boolean boundKnown : new boolean[] {false, true}) {
                            for (long minimum : new long[] {0, 60}) {
                                for (long maximum : new long[] {0, 90}) {
                                    LocalDateTime expiry = expired ? now : now.plusHours(1);
                                    jdbc.sql("DELETE FROM quota_reservation WHERE user_id = ?").param(user).update();
                                    jdbc.sql("REPLACE INTO minute_usage (user_id, period_start, used_seconds, reserved_seconds, "
                                                    + "earliest_expiry) VALUES (?, ?, ?, ?, ?)")
                                            .params(user, PERIOD, used, reserved, boundKnown ? expiry : null).update();
                                    if (reserved > 0) {
                                        hold(callId(), user, reserved, now, expiry);
                                    }
                                    String call = callId();
                                    long granted = reserve(call, user, quota, minimum, maximum, now);

                                    String inputs = "quota %d, used %d, reserved %d%s, earliest expiry %s, minimum %d, maximum %d"
                                            .formatted(quota, used, reserved, expired ? " (expired)" : "", boundKnown ? expiry : "unknown",
                                                    minimum, maximum);
                                    long holding = expired ? 0 : reserved;
                                    assertThat(granted).as(inputs)
                                            .isEqualTo(QuotaGrant.seconds(quota, used, holding, minimum, maximum));
                                    var held = jdbc.sql("SELECT expires_at FROM quota_reservation WHERE call_id = ?").param(call)
                                            .query(LocalDateTime.class).optional();
                                    if (granted == 0) {
                                        assertThat(held).as(inputs).isEmpty();
                                    } else {
                                        assertThat(held).as(inputs).contains(now.plusSeconds(granted).plusNanos(GRACE_MS * 1_000_000));
                                    }
                                    assertThat(reservedCounter(user)).as(inputs).isEqualTo(reserved + granted);
                                    assertBoundHolds(user, inputs);
                                }
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

    @Test
    void aReservationLowersTheEarliestExpiryAndLearnsItAgainOnceItHasPassed() {
        long user = newTenant("VN").create("users", Map.of("name", "Payer"));
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime firstExpiry = now.plusSeconds(60).plusNanos(GRACE_MS * 1_000_000);
        String first = callId();
        assertThat(earliestExpiry(user)).as("no usage row yet").isNull();
        assertThat(reserve(first, user, 600, 60, 60, now)).isEqualTo(60);
        assertThat(earliestExpiry(user)).as("the first row's expiry").isEqualTo(firstExpiry);
        assertThat(reserve(callId(), user, 600, 60, 120, now.plusSeconds(1))).isEqualTo(120);
        assertThat(earliestExpiry(user)).as("a later expiry leaves it").isEqualTo(firstExpiry);

        LocalDateTime later = firstExpiry.plusSeconds(1);
        // Lower than it needs to be (still a lower bound), so that only learning it again gives the first row's expiry.
        jdbc.sql("UPDATE minute_usage SET earliest_expiry = ? WHERE user_id = ?").params(firstExpiry.minusHours(1), user).update();
        assertThat(reserve(callId(), user, 600, 60, 0, later)).as("the first call no longer holds its 60 s: 600 - 120")
                .isEqualTo(480);
        assertThat(earliestExpiry(user)).as("learnt again: the first row is still there, unsettled").isEqualTo(firstExpiry);

        jdbc.sql("DELETE FROM quota_reservation WHERE call_id = ?").param(first).update();
        jdbc.sql("UPDATE minute_usage SET reserved_seconds = reserved_seconds - 60 WHERE user_id = ?").param(user).update();
        assertThat(reserve(callId(), user, 1200, 60, 60, later)).isEqualTo(60);
        assertThat(earliestExpiry(user)).as("learnt again once the first row is gone: the second call's expiry")
                .isEqualTo(now.plusSeconds(1 + 120).plusNanos(GRACE_MS * 1_000_000));
        assertBoundHolds(user, "after the first row was settled");
    }

    @Test
    void aRefusedCallKeepsWhatItLearntOfTheEarliestExpiry() {
        long user = newTenant("VN").create("users", Map.of("name", "Payer"));
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, 600)").params(user, PERIOD).update();
        assertThat(reserve(callId(), user, 600, 60, 0, now)).as("nothing left").isZero();
        assertThat(earliestExpiry(user)).as("no reservation holds seconds, so none can expire")
                .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000));
        assertThat(reservedCounter(user)).isZero();
    }

    @Test
    void anEarliestExpiryNotYetPassedSkipsTheExpiredReservationsAndOnlyHoldsTooMuch() {
        long user = newTenant("VN").create("users", Map.of("name", "Payer"));
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        // An expiry moved back by hand below a bound the procedure had set: the bound is trusted, so the row still holds.
        hold(callId(), user, 540, now, now.minusSeconds(1));
        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds, reserved_seconds, earliest_expiry) "
                        + "VALUES (?, ?, 0, 540, ?)")
                .params(user, PERIOD, now.plusMinutes(5)).update();
        assertThat(reserve(callId(), user, 600, 60, 0, now)).as("60 s left while the bound holds").isEqualTo(60);
        assertThat(reserve(callId(), user, 600, 0, 0, now.plusMinutes(5))).as("the bound passed: the expired 540 s no longer hold")
                .isEqualTo(540);
    }

    /** After a reservation the earliest expiry is known (it was, or the reservation learnt it) and no held row expires before it. */
    private void assertBoundHolds(long user, String inputs) {
        LocalDateTime bound = earliestExpiry(user);
        assertThat(bound).as(inputs + ": earliest expiry").isNotNull();
        jdbc.sql("SELECT expires_at FROM quota_reservation WHERE user_id = ? AND period_start = ? AND reserved_seconds > 0")
                .params(user, PERIOD).query(LocalDateTime.class).list()
                .forEach(expiry -> assertThat(bound).as(inputs + ": earliest expiry against a held row's").isBeforeOrEqualTo(expiry));
    }

    private LocalDateTime earliestExpiry(long user) {
        return jdbc.sql("SELECT earliest_expiry FROM minute_usage WHERE user_id = ? AND period_start = ?").params(user, PERIOD)
                .query(LocalDateTime.class).optional().orElse(null);
    }

    private long reserve(String call, long user, long quota, long minimum, long maximum, LocalDateTime now) {
        return QuotaRows.reserve(jdbc, call, user, PERIOD, quota, minimum, maximum, now, GRACE_MS);
    }

    private void hold(String call, long user, long seconds, LocalDateTime now, LocalDateTime expiresAt) {
        QuotaRows.hold(jdbc, call, user, PERIOD, seconds, now, expiresAt);
    }

    private long reservedCounter(long user) {
        return QuotaRows.reservedCounter(jdbc, user, PERIOD);
    }

    private static String callId() {
        return "1763900000." + calls.incrementAndGet();
    }
}
