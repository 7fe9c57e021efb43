package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.ManualClock;
import io.pbxctl.daemon.agi.CallScenario.Person;
import io.pbxctl.daemon.agi.CallerCache.Caller;
import java.sql.Connection;
import java.sql.Statement;
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
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.processlist WHERE state LIKE 'Waiting for table metadata lock'"
                + " AND info LIKE '%FROM device d JOIN tenant t%'").query(Long.class).single();
    }

    private void awaitLoadsWaiting(long count) {
        while (loadsWaiting() < count) {
            Thread.onSpinWait();
        }
    }

    @Test
    void whileAnExpiredTenantIsReloadedOtherCallsAreAnsweredFromItWithoutWaiting() throws Exception {
        clock.advance(CallerCache.LIFETIME.plusSeconds(1));
        Future<Caller>[] reloading = new Future[1];
        withDevicesLocked(() -> {
            reloading[0] = calls.submit(this::find);
            awaitLoadsWaiting(1);
            assertThat(find().user().outboundEnabled()).as("answered from the expired entry").isTrue();
            assertThat(loadsWaiting()).as("the first call's load was still running").isEqualTo(1);
        });
        assertThat(reloading[0].get(10, TimeUnit.SECONDS).user().outboundEnabled()).as("the reloading call").isFalse();
        assertThat(find().user().outboundEnabled()).as("the next call").isFalse();
    }

    @Test
    void anEntryTwiceItsLifetimeOldIsNeverServedEvenWhileItIsReloaded() throws Exception {
        clock.advance(CallerCache.LIFETIME.multipliedBy(2).plusSeconds(1));
        Future<Caller>[] found = new Future[2];
        AtomicReference<Thread> second = new AtomicReference<>();
        withDevicesLocked(() -> {
            found[0] = calls.submit(this::find);
            awaitLoadsWaiting(1);
            found[1] = calls.submit(() -> {
                second.set(Thread.currentThread());
                return find();
            });
            // It waits for the first call's load (parked on the tenant's lock) instead of taking the old entry.
            while (second.get() == null || second.get().getState() != Thread.State.WAITING) {
                assertThat(found[1]).as("answered while the tenant was being reloaded").isNotDone();
                Thread.onSpinWait();
            }
            assertThat(loadsWaiting()).as("only the first call loads").isEqualTo(1);
        });
        assertThat(found[0].get(10, TimeUnit.SECONDS).user().outboundEnabled()).isFalse();
        assertThat(found[1].get(10, TimeUnit.SECONDS).user().outboundEnabled()).isFalse();
    }
}
