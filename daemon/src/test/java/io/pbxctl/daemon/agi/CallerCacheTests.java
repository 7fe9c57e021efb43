package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.ManualClock;
import io.pbxctl.daemon.agi.CallScenario.Person;
import io.pbxctl.daemon.agi.CallerCache.Caller;
import io.pbxctl.daemon.audit.ModelChanged;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reloading an expired tenant: the load is held up by a table lock taken in another session, so
 * the test sees what calls get while it runs (the call-time connections give up after
 * {@code pbx.fastagi.database-timeout}, 2 s, which is far longer than the steps below take).
 */
class CallerCacheTests extends ApiTestSupport {

    @Autowired
    private CallDatabase database;
    @Autowired
    private DataSource model;

    private final ManualClock clock = new ManualClock();
    private final ExecutorService calls = Executors.newCachedThreadPool();
    private CallerCache cache;
    private CallScenario scenario;
    private Person lan;

    @BeforeEach
    void cachedCaller() {
        scenario = new CallScenario(newTenant("VN"), operator, null);
        lan = scenario.person("Lan");
        cache = new CallerCache(database, clock);
        assertThat(find().user().outboundEnabled()).isTrue();
        // A change this cache is not told of: another daemon's, or an administrator's SQL.
        jdbc.sql("UPDATE pbx_user SET outbound_enabled = FALSE WHERE id = ?").param(lan.userId()).update();
    }

    @AfterEach
    void stopCalls() {
        calls.shutdownNow();
    }

    private Caller find() {
        return cache.find(scenario.tenant.slug(), lan.device()).orElseThrow();
    }

    /** Runs {@code during} while the device table is locked, so that a load of the callers waits. */
    private void withDevicesLocked(Runnable during) throws Exception {
        try (Connection session = model.getConnection(); Statement statement = session.createStatement()) {
            statement.execute("LOCK TABLES device WRITE");
            try {
                during.run();
            } finally {
                statement.execute("UNLOCK TABLES");
            }
        }
    }

    private long loadsWaiting() {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.processlist WHERE state = 'Waiting for table metadata lock'"
                + " AND info LIKE '%t.account_code_mode%FROM device d%'").query(Long.class).single();
    }

    /** Until a call's load of the callers waits for the table lock; the call itself must not have ended. */
    private void awaitLoading(Future<Caller> call) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            assertThat(call).as("the call that loads").isNotDone();
            return loadsWaiting() == 1;
        });
    }

    /** Until the thread is parked on the tenant's load lock; its call must not have been answered before. */
    private void awaitParked(AtomicReference<Thread> thread, Future<Caller> call) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            assertThat(call).as("answered while the tenant was being reloaded").isNotDone();
            return thread.get() != null && thread.get().getState() == Thread.State.WAITING;
        });
    }

    private Future<Caller> findOn(AtomicReference<Thread> thread) {
        return calls.submit(() -> {
            thread.set(Thread.currentThread());
            return find();
        });
    }

    @Test
    void whileAnExpiredTenantIsReloadedOtherCallsAreAnsweredFromItWithoutWaiting() throws Exception {
        clock.advance(CallerCache.LIFETIME.plusSeconds(1));
        AtomicReference<Future<Caller>> reloading = new AtomicReference<>();
        withDevicesLocked(() -> {
            reloading.set(calls.submit(this::find));
            awaitLoading(reloading.get());
            assertThat(find().user().outboundEnabled()).as("answered from the expired entry").isTrue();
            assertThat(loadsWaiting()).as("the first call's load was still running").isEqualTo(1);
        });
        assertThat(reloading.get().get(10, TimeUnit.SECONDS).user().outboundEnabled()).as("the reloading call").isFalse();
        assertThat(find().user().outboundEnabled()).as("the next call").isFalse();
    }

    @Test
    void anEntryTwiceItsLifetimeOldIsNeverServedEvenWhileItIsReloaded() throws Exception {
        clock.advance(CallerCache.LIFETIME.multipliedBy(2).plusSeconds(1));
        assertOtherCallsWaitForTheReload(() -> {
        });
    }

    @Test
    void anEntryDroppedForAChangeThisDaemonCommittedIsNeverServedEvenWhileItIsReloaded() throws Exception {
        clock.advance(CallerCache.LIFETIME.plusSeconds(1));
        assertOtherCallsWaitForTheReload(() -> cache.onModelChanged(new ModelChanged(scenario.tenant.id(), "user")));
    }

    /** While a first call reloads the tenant, {@code meanwhile} runs and a second call waits for that load. */
    private void assertOtherCallsWaitForTheReload(Runnable meanwhile) throws Exception {
        AtomicReference<Future<Caller>> first = new AtomicReference<>();
        AtomicReference<Future<Caller>> second = new AtomicReference<>();
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        withDevicesLocked(() -> {
            first.set(calls.submit(this::find));
            awaitLoading(first.get());
            meanwhile.run();
            second.set(findOn(secondThread));
            awaitParked(secondThread, second.get());
            assertThat(loadsWaiting()).as("only the first call loads").isEqualTo(1);
        });
        assertThat(first.get().get(10, TimeUnit.SECONDS).user().outboundEnabled()).isFalse();
        assertThat(second.get().get(10, TimeUnit.SECONDS).user().outboundEnabled()).isFalse();
    }
}
