package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.References;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Outbound groups in the shared CRUD flow; every trunk must be the tenant's own, and listed once. */
@Component
class OutboundGroupResource extends TenantResource<OutboundGroup, OutboundGroupRequest, OutboundGroupView> {

    private final TrunkRepository trunks;

    OutboundGroupResource(OutboundGroupRepository groups, TrunkRepository trunks) {
        super("outbound group", groups, OutboundGroup::new);
        this.trunks = trunks;
    }

    @Override
    public void update(Tenant tenant, OutboundGroup group, OutboundGroupRequest request) {
        if (new HashSet<>(request.trunkIds()).size() != request.trunkIds().size()) {
            throw new FieldProblem("trunkIds", "Distinct", "lists a trunk more than once");
        }
        request.trunkIds().forEach(id -> References.inTenant(trunks, tenant.getId(), id, "trunkIds", "trunk"));
        group.apply(request);
    }

    @Override
    public OutboundGroupView view(OutboundGroup group) {
        return group.view();
    }

    @Override
    public Map<String, Function<String, Specification<OutboundGroup>>> filters() {
        return Map.of("name", Filters.contains("name"));
    }
}
