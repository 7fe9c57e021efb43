package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pbxctl.daemon.ApiTestSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Batches of the {@code reserve_quotas} procedure as the daemon writes them: the requests are
 * sent in lock order and granted one after the other, and each answer goes back to its own call.
 */
class QuotaReservationsTests extends ApiTestSupport {

    private static final LocalDate PERIOD = LocalDate.of(2026, 11, 1);
    private static final AtomicLong calls = new AtomicLong();

    @Autowired
    private QuotaReservations reservations;
    @Autowired
    private DataSource dataSource;

    @Test
    void aBatchGrantsItsCallsOneAfterTheOtherAndAnswersEachInItsOwnPlace() {
        long first = newTenant("VN").create("users", Map.of("name", "First"));
        long second = newTenant("VN").create("users", Map.of("name", "Second"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The later user first, so that the lock order puts the batch in another order than the callers'.
        List<QuotaReservations.Request> batch = List.of(
                request(second, 150, now), request(first, 600, now), request(second, 150, now), request(second, 150, now));

        List<Long> granted = reservations.reserveAll(batch);

        assertThat(granted).as("no cap here: a call takes everything left, the same user's later calls find nothing")
                .containsExactly(150L, 600L, 0L, 0L);
        assertThat(QuotaRows.reservedCounter(jdbc, second, PERIOD)).isEqualTo(150);
        assertThat(QuotaRows.reservedCounter(jdbc, first, PERIOD)).isEqualTo(600);
        assertThat(heldBy(batch.get(0).callId())).contains(150L);
        assertThat(heldBy(batch.get(1).callId())).contains(600L);
        assertThat(heldBy(batch.get(2).callId())).isEmpty();
    }

    @Test
    void twoCallsOfOneUserInOneBatchSeeEachOthersShare() {
        long user = newTenant("VN").create("users", Map.of("name", "Sharer"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, 3500)").params(user, PERIOD).update();

        List<Long> granted = reservations.reserveAll(List.of(request(user, 7200, now), request(user, 7200, now)));

        assertThat(granted).as("3,700 s left: the first takes them all").containsExactly(3700L, 0L);
        assertThat(QuotaRows.reservedCounter(jdbc, user, PERIOD)).isEqualTo(3700);
    }

    @Test
    void aFailingRequestRollsTheWholeBatchBack() {
        long user = newTenant("VN").create("users", Map.of("name", "Survivor"));
        long deleted = newTenant("VN").create("users", Map.of("name", "Gone"));
        jdbc.sql("DELETE FROM pbx_user WHERE id = ?").param(deleted).update();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        QuotaReservations.Request kept = request(user, 600, now);

        assertThatThrownBy(() -> reservations.reserveAll(List.of(kept, request(deleted, 600, now))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(heldBy(kept.callId())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM minute_usage WHERE user_id = ?").param(user).query(Long.class).single()).isZero();
        assertThat(reservations.reserve(kept)).as("alone, as GroupCommit then writes it").isEqualTo(600);
    }

    @Test
    void aCallIdIsWrittenAsItCameWhateverItHolds() {
        long user = newTenant("VN").create("users", Map.of("name", "Quoted"));
        String odd = "17639.\"],[\\" + calls.incrementAndGet();
        QuotaReservations.Request request = new QuotaReservations.Request(odd, user, PERIOD, 600, 60, Instant.now());

        assertThat(reservations.reserve(request)).isEqualTo(600);
        assertThat(heldBy(odd)).contains(600L);
    }

    /**
     * The server gives up the lock wait before the client's socket timeout (CallDatabase), so a
     * batch refused for a locked usage row is rolled back there and is not committed once the
     * lock is released, for calls that were already refused.
     */
    @Test
    void aBatchThatWaitsTooLongForALockedRowLeavesNothingBehind() throws Exception {
        long user = newTenant("VN").create("users", Map.of("name", "Locked"));
        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, 0)").params(user, PERIOD).update();
        QuotaReservations.Request refused = request(user, 600, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT used_seconds FROM minute_usage WHERE user_id = ? AND period_start = ? FOR UPDATE")) {
                lock.setLong(1, user);
                lock.setObject(2, PERIOD);
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> reservations.reserveAll(List.of(refused)))
                    .as("a lock failure, so that GroupCommit writes a batch again call by call").isInstanceOf(CannotAcquireLockException.class)
                    .rootCause().hasMessageContaining("Lock wait timeout exceeded");
            assertThatThrownBy(() -> reservations.reserve(refused)).isInstanceOf(DataAccessResourceFailureException.class);
            holder.rollback();
        }

        QuotaReservations.Request next = request(user, 600, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(reservations.reserve(next)).as("the next call, once the row is free, finds the whole quota").isEqualTo(600);
        assertThat(heldBy(refused.callId())).isEmpty();
    }

    private Optional<Long> heldBy(String call) {
        return jdbc.sql("SELECT reserved_seconds FROM quota_reservation WHERE call_id = ?").param(call).query(Long.class).optional();
    }

    private static QuotaReservations.Request request(long user, long quotaSeconds, Instant now) {
        return new QuotaReservations.Request("1763950000." + calls.incrementAndGet(), user, PERIOD, quotaSeconds, 60, now);
    }
}
