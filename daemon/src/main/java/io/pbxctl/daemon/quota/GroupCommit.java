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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Writes what many call threads ask for at the same moment in one round trip and one commit, on
 * a thread of its own. Each caller still waits until its own request is committed, which keeps
 * a call refused while the database is down, and at most a bounded time; but a busy daemon pays
 * one statement and one commit for many calls instead of one each. A quiet daemon writes each
 * request alone, as soon as it comes.
 *
 * @param <T> a request
 * @param <R> its result: the writer returns one per request, in the order of the batch
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private record Pending<T, R>(T request, CompletableFuture<R> result) {
    }

    private final int maxBatch;
    private final long waitMs;
    private final Function<List<T>, List<R>> writer;
    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

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
        Pending<T, R> pending = new Pending<>(request, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get(waitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DataAccessResourceFailureException("could not write " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException(what + " was not written within " + waitMs + " ms");
        } catch (InterruptedException e) {
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
            write(batch);
            batch.clear();
        }
        queue.forEach(p -> p.result().completeExceptionally(new IllegalStateException("the daemon is stopping")));
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            complete(batch, writer.apply(batch.stream().map(Pending::request).toList()));
        } catch (DataIntegrityViolationException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One request naming a row deleted meanwhile (a user, say) must not fail the requests written with it.
            for (Pending<T, R> pending : batch) {
                try {
                    complete(List.of(pending), writer.apply(List.of(pending.request())));
                } catch (RuntimeException single) {
                    pending.result().completeExceptionally(single);
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    private static <T, R> void complete(List<Pending<T, R>> batch, List<R> results) {
        if (results.size() != batch.size()) {
            throw new IllegalStateException(results.size() + " results for " + batch.size() + " requests");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
