package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.agi.numbering.NumberingPlan;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shipped country plans, and a tool that shows how a tenant's plan classifies a number. */
@RestController
@Tag(name = "Numbering plan")
class NumberingController {

    private final NumberingPlans plans;
    private final Tenants tenants;
    private final Access access;

    NumberingController(NumberingPlans plans, Tenants tenants, Access access) {
        this.plans = plans;
        this.tenants = tenants;
        this.access = access;
    }

    @GetMapping("/api/v1/numbering-plans/{country}")
    @Operation(summary = "The prefixes shipped for a country (VN or PL); changes to them ship as migrations")
    List<PlanPrefixView> countryPlan(@PathVariable Country country) {
        return plans.countryPlan(country);
    }

    @GetMapping("/api/v1/tenants/{tenantId}/classify")
    @Operation(summary = "Classify a number as the tenant's plan would (+CC, 00CC and national forms)")
    Classified classify(@PathVariable long tenantId, @RequestParam String number) {
        access.requireDirectoryReader(tenantId);
        NumberingPlan plan = plans.of(tenants.require(tenantId));
        try {
            return plan.classify(number)
                    .map(c -> new Classified(number, c.normalised(), c.direction(), c.matchedPrefix()))
                    .orElseGet(() -> new Classified(number, null, null, null));
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("number", "Format", e.getMessage());
        }
    }

    /** The outcome; direction is null when no prefix matches (such a call has no route). */
    record Classified(String number, String normalised, Direction direction, String matchedPrefix) {
    }
}
