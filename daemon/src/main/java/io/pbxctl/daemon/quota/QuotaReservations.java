package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Reserves minutes for the calls of users with a quota through the {@code reserve_quotas}
 * procedure (migration 0053), which locks each user's usage row of the period, so two calls of
 * one user reserve one after the other and see each other's share. The calls waiting at one
 * moment are reserved in one procedure call and one commit ({@link GroupCommit}).
 */
@Component
class QuotaReservations implements AutoCloseable {

    private static final int MAX_BATCH = 128;
    private static final int LOCK_ATTEMPTS = 3;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /**
     * The order in which each batch locks the usage rows, so that the batches of several daemons
     * take them in the same order. Deadlocks remain possible with a settlement, the purge, or a
     * call's earlier reservation held for another user; the retry below takes care of them.
     */
    private static final Comparator<Request> LOCK_ORDER = Comparator.comparingLong(Request::userId).thenComparing(Request::period);

    record Request(String callId, long userId, LocalDate period, long quotaSeconds, long minimumSeconds, Instant now) {
    }

    private final CallDatabase database;
    private final long maximumSeconds;
    private final long graceMs;
    private final GroupCommit<Request, Long> writes;

    QuotaReservations(CallDatabase database, PbxProperties properties) {
        this.database = database;
        this.maximumSeconds = properties.calls().maximumReservation().toSeconds();
        this.graceMs = properties.calls().reservationGrace().toMillis();
        // A write waits at most for a connection and then for the procedure, each bounded by the timeout.
        this.writes = new GroupCommit<>("pbx-quota-reservations", MAX_BATCH, properties.fastagi().databaseTimeout().multipliedBy(3),
                this::reserveAll);
    }

    /** The seconds granted to the call (0: refused, nothing held), once its reservation is committed. */
    long reserve(Request request) {
        return writes.submit(request, "the reservation of the call " + request.callId());
    }

    /** One batch, in one procedure call; package-private for its tests. */
    List<Long> reserveAll(List<Request> batch) {
        int[] order = IntStream.range(0, batch.size()).boxed().sorted(Comparator.comparing(batch::get, LOCK_ORDER))
                .mapToInt(Integer::intValue).toArray();
        StringBuilder json = new StringBuilder("[");
        for (int i : order) {
            Request r = batch.get(i);
            json.append(json.length() == 1 ? "[" : ",[")
                    .append(jsonString(r.callId())).append(',')
                    .append(r.userId()).append(',')
                    .append(jsonString(r.period().toString())).append(',')
                    .append(r.quotaSeconds()).append(',')
                    .append(r.minimumSeconds()).append(',')
                    .append(jsonString(DATETIME.format(Utc.of(r.now())))).append(']');
        }
        String requests = json.append(']').toString();
        String granted = call(requests);
        long[] sorted = granted.isEmpty() ? new long[0] : Arrays.stream(granted.split(",")).mapToLong(Long::parseLong).toArray();
        if (sorted.length != batch.size()) {
            throw new IllegalStateException("reserve_quotas answered " + sorted.length + " grants for " + batch.size() + " requests");
        }
        Long[] results = new Long[batch.size()];
        for (int k = 0; k < order.length; k++) {
            results[order[k]] = sorted[k];
        }
        return List.of(results);
    }

    private String call(String requests) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.jdbc().sql("CALL reserve_quotas(?, ?, ?)")
                        .params(requests, maximumSeconds, graceMs)
                        .query(String.class).single();
            } catch (CannotAcquireLockException e) {
                // A lock wait timeout: not retried, the row is still locked; GroupCommit writes the batch again call by call,
                // so only that user waits.
                throw e;
            } catch (PessimisticLockingFailureException e) {
                // A deadlock: InnoDB rolled the whole batch back, so nothing of it was written and it can be sent again as it is.
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Call ids come from Asterisk; quoted here so that none can break the array whatever the caller checked. */
    private static String jsonString(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public void close() {
        writes.close();
    }
}
