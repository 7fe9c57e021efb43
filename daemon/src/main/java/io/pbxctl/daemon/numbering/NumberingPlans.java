package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.agi.numbering.NumberingPlan;
import io.pbxctl.agi.numbering.PrefixRule;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a tenant's numbering plan from the shipped country plan and the tenant's own prefixes. */
@Service
public class NumberingPlans {

    private final JdbcClient jdbc;
    private final TenantPrefixRepository tenantPrefixes;

    NumberingPlans(JdbcClient jdbc, TenantPrefixRepository tenantPrefixes) {
        this.jdbc = jdbc;
        this.tenantPrefixes = tenantPrefixes;
    }

    @Transactional(readOnly = true)
    public NumberingPlan of(Tenant tenant) {
        List<PrefixRule> countryRules = countryPlan(tenant.getCountry()).stream()
                .map(p -> new PrefixRule(p.prefix(), p.direction(), p.areaCode()))
                .toList();
        List<PrefixRule> tenantRules = tenantPrefixes.findByTenantId(tenant.getId()).stream()
                .map(p -> new PrefixRule(p.getPrefix(), p.getDirection(), false))
                .toList();
        return new NumberingPlan(tenant.getCountry(), tenant.getAreaCode(), countryRules, tenantRules);
    }

    /**
     * Refuses an internal number (extension, room) that the tenant's plan classifies as an
     * emergency number: dialled from a phone it would be ambiguous with the call that must
     * always go out.
     */
    @Transactional(readOnly = true)
    public void refuseEmergencyNumber(Tenant tenant, String field, String number) {
        of(tenant).classify(number).filter(c -> c.direction() == Direction.EMERGENCY).ifPresent(c -> {
            throw new FieldProblem(field, "NotEmergency", "starts with the emergency number " + c.matchedPrefix()
                    + " of the " + tenant.getCountry() + " plan; choose another number");
        });
    }

    List<PlanPrefixView> countryPlan(Country country) {
        return jdbc.sql("SELECT prefix, direction, area_code, description FROM plan_prefix WHERE country = ? ORDER BY prefix")
                .param(country.name())
                .query((rs, row) -> new PlanPrefixView(rs.getString(1), Direction.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getString(4)))
                .list();
    }
}
