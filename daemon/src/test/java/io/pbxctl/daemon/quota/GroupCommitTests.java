package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

class GroupCommitTests {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);
    /** A thread per waiting caller, as the FastAGI pool gives each call its own. */
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommit<Integer, String> commit;

    @AfterEach
    void close() {
        releaseFirstWrite.countDown();
        commit.close();
        callers.shutdownNow();
    }

    @Test
    void requestsThatCameWhileABatchWasWrittenAreWrittenTogetherAndEachGetsItsOwnResult() throws Exception {
        commit = start(batch -> batch.stream().map(i -> "#" + i).toList());
        CompletableFuture<String> first = submitAsync(1);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> waiting = List.of(submitAsync(2), submitAsync(3), submitAsync(4));
        awaitQueued(3);
        releaseFirstWrite.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("#1");
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("#" + (i + 2));
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(2, 3, 4);
    }

    @ParameterizedTest
    @ValueSource(classes = {DataIntegrityViolationException.class, CannotAcquireLockException.class})
    void aBatchRefusedForTheSakeOfOneRequestIsWrittenAgainOneByOne(Class<? extends RuntimeException> refusal) throws Exception {
        commit = start(batch -> {
            if (batch.contains(13)) {
                throw refusal == CannotAcquireLockException.class ? new CannotAcquireLockException("13 cannot be written")
                        : new DataIntegrityViolationException("13 cannot be written");
            }
            return batch.stream().map(i -> "#" + i).toList();
        });
        CompletableFuture<String> first = submitAsync(1);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> good = submitAsync(2);
        CompletableFuture<String> bad = submitAsync(13);
        awaitQueued(2);
        releaseFirstWrite.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("#1");
        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("#2");
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessResourceFailureException.class)
                .hasRootCauseMessage("13 cannot be written");
    }

    @Test
    void aFailedWriteFailsEveryRequestOfItsBatch() {
        commit = start(batch -> {
            throw new DataAccessResourceFailureException("the database is down");
        });
        releaseFirstWrite.countDown();

        assertThatThrownBy(() -> commit.submit(7, "request 7")).isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessageContaining("could not write request 7").hasRootCauseMessage("the database is down");
    }

    @Test
    void aCallerWaitsNoLongerThanTheBoundEvenWhenTheWriteHangs() {
        commit = start(Duration.ofMillis(300), batch -> batch.stream().map(i -> "#" + i).toList());

        assertThatThrownBy(() -> commit.submit(7, "request 7")).isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessage("request 7 was not written within 300 ms");
    }

    @Test
    void aWriterThatAnswersTooFewResultsFailsTheBatchInsteadOfMixingAnswersUp() {
        commit = start(batch -> List.of());
        CompletableFuture<String> first = submitAsync(1);
        releaseFirstWrite.countDown();
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestWhoseCallerStoppedWaitingIsDroppedBeforeItsBatchIsWritten() throws Exception {
        commit = start(Duration.ofSeconds(2), batch -> batch.stream().map(i -> "#" + i).toList());
        submitAsync(1);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> commit.submit(2, "request 2")).hasMessage("request 2 was not written within 2000 ms");
        releaseFirstWrite.countDown();

        assertThat(commit.submit(3, "request 3")).isEqualTo("#3");
        assertThat(batches).containsExactly(List.of(1), List.of(3));
    }

    @Test
    void aRequestAfterCloseFailsAtOnce() {
        commit = start(batch -> batch.stream().map(i -> "#" + i).toList());
        commit.close();

        assertThatThrownBy(() -> commit.submit(1, "request 1")).isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessage("could not write request 1: the daemon is stopping");
    }

    /** The writer records each batch and holds the first one until the test releases it. */
    private GroupCommit<Integer, String> start(Function<List<Integer>, List<String>> writer) {
        return start(Duration.ofSeconds(10), writer);
    }

    private GroupCommit<Integer, String> start(Duration wait, Function<List<Integer>, List<String>> writer) {
        return new GroupCommit<>("test-group-commit", 16, wait, batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                firstWriteStarted.countDown();
                try {
                    releaseFirstWrite.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return writer.apply(batch);
        });
    }

    private CompletableFuture<String> submitAsync(int request) {
        return CompletableFuture.supplyAsync(() -> commit.submit(request, "request " + request), callers);
    }

    private void awaitQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (commit.queued() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(commit.queued()).isEqualTo(count);
    }
}
