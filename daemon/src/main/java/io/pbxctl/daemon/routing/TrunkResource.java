package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.crud.TenantScopedRepository;
import io.pbxctl.daemon.secrets.SecretBox;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Trunks in the shared CRUD flow; a registering trunk needs a username and a secret. */
@Component
class TrunkResource implements TenantResource<Trunk, TrunkRequest, TrunkView> {

    private final TrunkRepository trunks;
    private final SecretBox box;

    TrunkResource(TrunkRepository trunks, SecretBox box) {
        this.trunks = trunks;
        this.box = box;
    }

    @Override
    public String type() {
        return "trunk";
    }

    @Override
    public TenantScopedRepository<Trunk> repository() {
        return trunks;
    }

    @Override
    public Trunk create(Tenant tenant, TrunkRequest request) {
        Trunk trunk = new Trunk(tenant.getId());
        update(tenant, trunk, request);
        return trunk;
    }

    @Override
    public void update(Tenant tenant, Trunk trunk, TrunkRequest request) {
        if (Boolean.TRUE.equals(request.registration())) {
            if (request.username() == null) {
                throw new FieldProblem("username", "Required", "is required for a registering trunk");
            }
            if (request.secret() == null && trunk.getSecretEncrypted() == null) {
                throw new FieldProblem("secret", "Required", "is required for a registering trunk");
            }
        }
        trunk.apply(request);
        if (request.secret() != null) {
            trunk.setSecretEncrypted(box.seal(request.secret()));
        }
    }

    @Override
    public TrunkView view(Trunk trunk) {
        return trunk.view();
    }

    @Override
    public Map<String, Function<String, Specification<Trunk>>> filters() {
        return Map.of("name", Filters.contains("name"), "host", Filters.contains("host"));
    }
}
