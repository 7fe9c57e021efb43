package io.pbxctl.daemon.quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Writes what many call threads ask for at the same moment in one round trip and one commit, on
 * a thread of its own. Each caller still waits until its own request is committed, which keeps
 * a call refused while the database is down, and at most a bounded time; but a busy daemon pays
 * one statement and one commit for many calls instead of one each. A quiet daemon writes each
 * request alone, as soon as it comes. A batch that fails for one request's sake (an integrity
 * error, a lock that could not be had) is written again request by request. A request whose
 * caller stopped waiting is dropped before its batch is written: its call was already refused,
 * so it must hold nothing (after a database outage the queue may hold many of them).
 *
 * @param <T> a request
 * @param <R> its result: the writer returns one per request, in the order of the batch
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T, R>(T request, CompletableFuture<R> result) {
    }

    private final int maxBatch;
    private final long waitMs;
    private final Function<List<T>, List<R>> writer;
    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommit(String name, int maxBatch, Duration wait, Function<List<T>, List<R>> writer) {
        this.maxBatch = maxBatch;
        this.waitMs = wait.toMillis();
        this.writer = writer;
        this.thread = new Thread(this::writeUntilClosed, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns the request's result once it is committed; throws when it could not be, naming {@code what}. */
    R submit(T request, String what) {
        if (closed) {
            throw new DataAccessResourceFailureException("could not write " + what + ": the daemon is stopping");
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Pending<>(request, result));
        try {
            try {
                return result.get(waitMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (result.cancel(false)) {
                    throw new DataAccessResourceFailureException(what + " was not written within " + waitMs + " ms");
                }
                // Completed at that very moment: the result stands.
                return result.get();
            }
        } catch (ExecutionException e) {
            throw new DataAccessResourceFailureException("could not write " + what, e.getCause());
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while writing " + what);
        }
    }

    /** How many requests wait for the next batch. */
    int queued() {
        return queue.size();
    }

    private void writeUntilClosed() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            batch.removeIf(p -> p.result().isDone());
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
        }
        queue.forEach(p -> p.result().completeExceptionally(new IllegalStateException("the daemon is stopping")));
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            complete(batch, writer.apply(batch.stream().map(Pending::request).toList()));
        } catch (DataIntegrityViolationException | CannotAcquireLockException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One request naming a row deleted meanwhile (a user, say), or one whose row stays locked elsewhere, must not fail
            // the requests written with it.
            for (Pending<T, R> pending : batch) {
                if (pending.result().isDone()) {
                    continue;
                }
                try {
                    complete(List.of(pending), writer.apply(List.of(pending.request())));
                } catch (RuntimeException single) {
                    pending.result().completeExceptionally(single);
                }
            }
        } catch (RuntimeException | Error e) {
            // An Error too: the thread must live on, or every later call would wait out its bound.
            if (e instanceof Error) {
                log.error("writing a batch of {} failed", batch.size(), e);
            }
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    private static <T, R> void complete(List<Pending<T, R>> batch, List<R> results) {
        if (results.size() != batch.size()) {
            throw new IllegalStateException(results.size() + " results for " + batch.size() + " requests");
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).result().complete(results.get(i))) {
                log.warn("written after its caller stopped waiting and was refused (what it holds lapses on its own): {}",
                        batch.get(i).request());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
