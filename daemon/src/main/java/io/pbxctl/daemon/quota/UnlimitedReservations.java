package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Records the calls of users without a quota, so that settlement knows whom to charge. The rows
 * hold nothing back, so the calls waiting at one moment are written together in one statement
 * (a group commit): each call still waits until its own row is committed, which is also what
 * keeps an unlimited user's call refused while the database is down, but a busy daemon pays one
 * round trip for many calls instead of one each.
 */
@Component
class UnlimitedReservations implements AutoCloseable {

    /** How long an unlimited call's row waits for its settlement before it is purged. */
    static final Duration LIFETIME = Duration.ofDays(1);
    private static final int MAX_BATCH = 256;

    private record Pending(String callId, long userId, LocalDate period, Instant now, CompletableFuture<Void> written) {
    }

    private final CallDatabase database;
    private final long waitMs;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    UnlimitedReservations(CallDatabase database, PbxProperties properties) {
        this.database = database;
        // A write waits at most for a connection and then for the statement, each bounded by the timeout.
        this.waitMs = properties.fastagi().databaseTimeout().toMillis() * 3;
        this.writer = new Thread(this::writeUntilClosed, "pbx-unlimited-reservations");
        writer.setDaemon(true);
        writer.start();
    }

    /** Returns once the call's row is committed; throws when it could not be. */
    void record(String callId, long userId, LocalDate period, Instant now) {
        Pending pending = new Pending(callId, userId, period, now, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.written().get(waitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DataAccessResourceFailureException("could not record the call " + callId, e.getCause());
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException("the call " + callId + " was not recorded within " + waitMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while recording the call " + callId);
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
        queue.forEach(p -> p.written().completeExceptionally(new IllegalStateException("the daemon is stopping")));
    }

    private void write(List<Pending> batch) {
        try {
            insert(batch);
            batch.forEach(p -> p.written().complete(null));
        } catch (DataIntegrityViolationException e) {
            // One call of a user deleted meanwhile must not fail the calls written with it.
            for (Pending pending : batch) {
                try {
                    insert(List.of(pending));
                    pending.written().complete(null);
                } catch (RuntimeException single) {
                    pending.written().completeExceptionally(single);
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.written().completeExceptionally(e));
        }
    }

    private void insert(List<Pending> batch) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO quota_reservation (call_id, user_id, period_start, reserved_seconds, created_at, expires_at) VALUES ");
        List<Object> params = new ArrayList<>(batch.size() * 5);
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, 0, ?, ?)");
            params.add(p.callId());
            params.add(p.userId());
            params.add(p.period());
            params.add(Utc.of(p.now()));
            params.add(Utc.of(p.now().plus(LIFETIME)));
        }
        // The same call asking twice (a dialplan retry) replaces its own row instead of holding two; but a row that
        // holds seconds is counted in minute_usage.reserved_seconds, which only reserve_quota and settlements change.
        sql.append(" ON DUPLICATE KEY UPDATE user_id = IF(reserved_seconds = 0, VALUES(user_id), user_id), "
                + "period_start = IF(reserved_seconds = 0, VALUES(period_start), period_start), "
                + "created_at = IF(reserved_seconds = 0, VALUES(created_at), created_at), "
                + "expires_at = IF(reserved_seconds = 0, VALUES(expires_at), expires_at)");
        database.jdbc().sql(sql.toString()).params(params).update();
    }

    @Override
    public void close() {
        writer.interrupt();
    }
}
