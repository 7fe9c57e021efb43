package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
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


    TenantPrefixResource(TenantPrefixRepository prefixes) {
        super("prefix", prefixes, TenantPrefix::new);
    }

    @Override
    public void update(Tenant tenant, TenantPrefix prefix, TenantPrefixRequest request) {
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
