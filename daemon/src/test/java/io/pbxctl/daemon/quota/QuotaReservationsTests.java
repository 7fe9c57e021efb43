package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.Utc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /**
     * A settlement committed while a batch waits for a usage row's lock: the batch must see both
     * the counter and the rows as they are after it. Under REPEATABLE READ the expired rows would
     * be summed in the snapshot of the batch's first plain read (the sum of the user before, who
     * has no usage row yet and so has no bound) and the settled seconds taken off twice.
     */
    @Test
    void aSettlementCommittedWhileTheBatchWaitsIsSeenByTheRestOfTheBatch() throws Exception {
        long before = newTenant("VN").create("users", Map.of("name", "Before"));
        long waiting = newTenant("VN").create("users", Map.of("name", "Waiting"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds, reserved_seconds) VALUES (?, ?, 0, 840)")
                .params(waiting, PERIOD).update();
        String live = "1763950000." + calls.incrementAndGet();
        String lost = "1763950000." + calls.incrementAndGet();
        QuotaRows.hold(jdbc, live, waiting, PERIOD, 300, Utc.of(now), Utc.of(now.plusSeconds(3600)));
        QuotaRows.hold(jdbc, lost, waiting, PERIOD, 540, Utc.of(now), Utc.of(now.minusSeconds(1)));
        List<QuotaReservations.Request> batch = List.of(request(before, 600, now), request(waiting, 900, now));

        CompletableFuture<List<Long>> granted;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            long holderThread;
            try (var statement = holder.createStatement(); var id = statement.executeQuery("SELECT CONNECTION_ID()")) {
                id.next();
                holderThread = id.getLong(1);
            }
            // The lost call's hangup finally arrives, as JdbcQuotaLedger.settle writes it; committed only once the batch
            // waits, so that the server's short lock wait leaves time for nothing but the commit.
            execute(holder, "SELECT used_seconds FROM minute_usage WHERE user_id = ? AND period_start = ? FOR UPDATE", waiting);
            try (PreparedStatement delete = holder.prepareStatement("DELETE FROM quota_reservation WHERE call_id = ?")) {
                delete.setString(1, lost);
                delete.executeUpdate();
            }
            execute(holder, "UPDATE minute_usage SET reserved_seconds = reserved_seconds - 540 WHERE user_id = ? AND period_start = ?",
                    waiting);
            granted = CompletableFuture.supplyAsync(() -> reservations.reserveAll(batch));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> granted.isDone() || jdbc.sql("""
                                    SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS w
                                    JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id
                                    WHERE b.trx_mysql_thread_id = ?""")
                            .param(holderThread).query(Long.class).single() > 0);
            assertThat(granted).as("the batch waits for the usage row the settlement holds").isNotDone();
            holder.commit();
        }

        assertThat(granted.get(10, TimeUnit.SECONDS)).as("900 - the live 300 s; the settled 540 s are gone from both")
                .containsExactly(600L, 600L);
        assertThat(QuotaRows.reservedCounter(jdbc, waiting, PERIOD)).isEqualTo(900);
    }

    private static void execute(Connection connection, String sql, long user) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, user);
            statement.setObject(2, PERIOD);
            statement.execute();
        }
    }

    private Optional<Long> heldBy(String call) {
        return jdbc.sql("SELECT reserved_seconds FROM quota_reservation WHERE call_id = ?").param(call).query(Long.class).optional();
    }

    private static QuotaReservations.Request request(long user, long quotaSeconds, Instant now) {
        return new QuotaReservations.Request("1763950000." + calls.incrementAndGet(), user, PERIOD, quotaSeconds, 60, now);
    }
}
