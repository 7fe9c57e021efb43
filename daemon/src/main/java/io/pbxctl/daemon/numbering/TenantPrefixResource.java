package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Tenant prefixes in the shared CRUD flow. */
@Component
class TenantPrefixResource extends TenantResource<TenantPrefix, TenantPrefixRequest, TenantPrefixView> {

    private final NumberingPlans plans;
    private final Access access;

    TenantPrefixResource(TenantPrefixRepository prefixes, NumberingPlans plans, Access access) {
        super("prefix", prefixes, TenantPrefix::new);
        this.plans = plans;
        this.access = access;
    }

    /**
     * Emergency calls pass whatever the class, quota or code, so a tenant's admin may neither
     * take an emergency prefix of the country away nor declare new ones (say 00) to escape the
     * rights; operators may add local emergency numbers.
     */
    @Override
    public void update(Tenant tenant, TenantPrefix prefix, TenantPrefixRequest request) {
        if (request.direction() == Direction.EMERGENCY && !access.caller().isOperator()) {
            throw new FieldProblem("direction", "Operator", "EMERGENCY prefixes are added by the operator");
        }
        boolean shadowsEmergency = plans.countryPlan(tenant.getCountry()).stream()
                .anyMatch(p -> p.direction() == Direction.EMERGENCY && p.prefix().equals(request.prefix()));
        if (shadowsEmergency && request.direction() != Direction.EMERGENCY) {
            throw new FieldProblem("prefix", "NotEmergency", "is an emergency number of the " + tenant.getCountry()
                    + " plan, which always stays EMERGENCY");
        }
        prefix.apply(request);
    }

    @Override
    public TenantPrefixView view(TenantPrefix prefix) {
        return prefix.view();
    }

    @Override
    public Map<String, Function<String, Specification<TenantPrefix>>> filters() {
        return Map.of("prefix", Filters.equal("prefix"), "direction", Filters.equal("direction"));
    }
}
