package io.pbxctl.daemon.agi;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.daemon.audit.ModelChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every calling device of a tenant with its user's rights and outbound group, kept in memory
 * because reading them was the heaviest statement of every outbound call. A tenant is loaded
 * in one query; it is dropped as soon as this daemon commits any change to the tenant, and
 * reloaded after {@link #LIFETIME} in any case, which bounds how long a change made through
 * another daemon (or directly in the database) goes unseen: usually that lifetime and one
 * load, never more than twice the lifetime (while loads fail, say). No secret is kept:
 * account codes stay in the database.
 */
@Component
class CallerCache {

    static final Duration LIFETIME = Duration.ofSeconds(5);
    private static final int LOCK_STRIPES = 64;

    /** A calling device with everything the decision needs about it; quota usage is read per call. */
    record Caller(long tenantId, String slug, Country country, String areaCode, ZoneId zone, AccountCodeMode mode,
            long deviceId, Parties.UserRow user) {
    }

    private record Loaded(long tenantId, Instant loadedAt, Map<String, Caller> devices) {
    }

    private final CallDatabase database;
    private final Clock clock;
    private final Map<String, Loaded> tenants = new ConcurrentHashMap<>();
    private final ReentrantLock[] loadLocks = new ReentrantLock[LOCK_STRIPES];
    private final AtomicLong evictions = new AtomicLong();

    @Autowired
    CallerCache(CallDatabase database) {
        this(database, Clock.systemUTC());
    }

    CallerCache(CallDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            loadLocks[i] = new ReentrantLock();
        }
    }

    Optional<Caller> find(String tenantSlug, String deviceName) {
        Loaded loaded = tenants.get(tenantSlug);
        if (loaded == null || older(loaded, LIFETIME)) {
            loaded = reload(tenantSlug, loaded);
        }
        return Optional.ofNullable(loaded.devices().get(deviceName));
    }

    private boolean older(Loaded loaded, Duration age) {
        return loaded.loadedAt().plus(age).isBefore(clock.instant());
    }

    /**
     * One load per tenant at a time. The calls that come while an expired entry is reloaded are
     * answered from it instead of waiting (they were all blocked for the load's 40 ms every 5
     * seconds under load, the open-loop benchmark's tail), unless it is twice its lifetime old.
     * An entry dropped for a change this daemon committed is never served.
     */
    private Loaded reload(String tenantSlug, Loaded stale) {
        ReentrantLock lock = loadLocks[Math.floorMod(tenantSlug.hashCode(), LOCK_STRIPES)];
        if (!lock.tryLock()) {
            // Checked again here: the entry may have been dropped since the caller read it.
            if (stale != null && !older(stale, LIFETIME.multipliedBy(2)) && tenants.get(tenantSlug) == stale) {
                return stale;
            }
            lock.lock();
        }
        try {
            Loaded current = tenants.get(tenantSlug);
            if (current != null && !older(current, LIFETIME)) {
                return current;
            }
            long evictionsBefore = evictions.get();
            Instant loadedAt = clock.instant();
            Map<String, Caller> devices = load(tenantSlug);
            Loaded fresh = new Loaded(devices.isEmpty() ? 0 : devices.values().iterator().next().tenantId(), loadedAt, devices);
            // Unknown tenants are not kept, so that the map only ever holds real tenants.
            if (!devices.isEmpty()) {
                tenants.put(tenantSlug, fresh);
                // A change committed while the query ran may be missing from it: keep it for this call only.
                if (evictions.get() != evictionsBefore) {
                    tenants.remove(tenantSlug, fresh);
                }
            }
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Caller> load(String tenantSlug) {
        Map<String, Caller> devices = new HashMap<>();
        database.jdbc().sql("SELECT t.id AS tenant_id, t.slug, t.country, t.area_code, t.time_zone, t.account_code_mode, "
                        + "d.id AS device_id, d.sip_username, " + Parties.COLUMNS
                        + " FROM device d JOIN tenant t ON t.id = d.tenant_id"
                        + " JOIN pbx_user u ON u.tenant_id = d.tenant_id AND u.id = d.user_id "
                        + Parties.GROUP_JOIN
                        + " WHERE t.slug = ?")
                .param(tenantSlug)
                .query(rs -> {
                    devices.put(rs.getString("sip_username"), new Caller(rs.getLong("tenant_id"), rs.getString("slug"),
                            Country.valueOf(rs.getString("country")), rs.getString("area_code"), ZoneId.of(rs.getString("time_zone")),
                            AccountCodeMode.valueOf(rs.getString("account_code_mode")), rs.getLong("device_id"),
                            Parties.UserRow.read(rs)));
                });
        return devices;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onModelChanged(ModelChanged change) {
        evictions.incrementAndGet();
        if (change.tenantId() == null) {
            tenants.clear();
        } else {
            tenants.values().removeIf(loaded -> loaded.tenantId() == change.tenantId());
        }
    }
}
