package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.agi.numbering.NumberingPlan;
import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.audit.ModelChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tenants' numbering plans for call-time decisions. Plans change rarely and are needed on
 * every outbound call, so they are kept in memory: dropped at once when this daemon commits a
 * change to a tenant or its prefixes, and reloaded after a minute in any case so that a change
 * made through another daemon applies too.
 */
@Component
public class PlanCache {

    static final Duration LIFETIME = Duration.ofMinutes(1);
    private static final Set<String> PLAN_TYPES = Set.of("tenant", "prefix");

    private final CallDatabase database;
    private final Clock clock;
    private final Map<Long, Cached> plans = new ConcurrentHashMap<>();

    PlanCache(CallDatabase database) {
        this.database = database;
        this.clock = Clock.systemUTC();
    }

    private record Cached(NumberingPlan plan, Instant loadedAt) {
    }

    public NumberingPlan of(long tenantId, Country country, String areaCode) {
        Instant now = clock.instant();
        Cached cached = plans.get(tenantId);
        if (cached == null || cached.loadedAt().plus(LIFETIME).isBefore(now)) {
            cached = new Cached(NumberingPlans.load(database.jdbc(), tenantId, country, areaCode), now);
            plans.put(tenantId, cached);
        }
        return cached.plan();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onModelChanged(ModelChanged change) {
        if (PLAN_TYPES.contains(change.type()) && change.tenantId() != null) {
            plans.remove(change.tenantId());
        }
    }
}
