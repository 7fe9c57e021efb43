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

    NumberingPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public NumberingPlan of(Tenant tenant) {
        return load(jdbc, tenant.getId(), tenant.getCountry(), tenant.getAreaCode());
    }

    /** The plan of a tenant read through the given client: the API's pool or the call-time one. */
    static NumberingPlan load(JdbcClient jdbc, long tenantId, Country country, String areaCode) {
        List<PrefixRule> countryRules = jdbc.sql("SELECT prefix, direction, area_code FROM plan_prefix WHERE country = ?")
                .param(country.name())
                .query((rs, row) -> new PrefixRule(rs.getString(1), Direction.valueOf(rs.getString(2)), rs.getBoolean(3)))
                .list();
        List<PrefixRule> tenantRules = jdbc.sql("SELECT prefix, direction FROM tenant_prefix WHERE tenant_id = ?")
                .param(tenantId)
                .query((rs, row) -> new PrefixRule(rs.getString(1), Direction.valueOf(rs.getString(2)), false))
                .list();
        return new NumberingPlan(country, areaCode, countryRules, tenantRules);
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
