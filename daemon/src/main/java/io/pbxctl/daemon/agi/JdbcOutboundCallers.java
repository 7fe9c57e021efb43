package io.pbxctl.daemon.agi;

import io.pbxctl.agi.policy.OutboundDecision;
import io.pbxctl.agi.port.OutboundCaller;
import io.pbxctl.agi.port.OutboundCallers;
import io.pbxctl.daemon.numbering.PlanCache;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The calling device, its user and tenant from the caller cache, the plan from the plan cache;
 * a quota user's usage is read from the database only when the decision needs it before the
 * call's reservation.
 */
@Component
class JdbcOutboundCallers implements OutboundCallers {

    private final CallerCache callers;
    private final Parties parties;
    private final PlanCache plans;

    JdbcOutboundCallers(CallerCache callers, Parties parties, PlanCache plans) {
        this.callers = callers;
        this.parties = parties;
        this.plans = plans;
    }

    @Override
    public Optional<OutboundCaller> find(String tenantSlug, String deviceName, Instant now) {
        return callers.find(tenantSlug, deviceName).map(row -> new OutboundCaller(row.tenantId(), row.slug(), row.deviceId(), row.mode(),
                row.user().needsCode(),
                parties.party(row.user(), row.zone(), now,
                        OutboundDecision.readsQuotaFirst(row.mode(), row.user().needsCode(), !row.user().route().isEmpty())),
                plans.of(row.tenantId(), row.country(), row.areaCode())));
    }
}
