package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.secrets.SecretBox;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Trunks in the shared CRUD flow; a registering trunk needs a username and a secret. */
@Component
class TrunkResource extends TenantResource<Trunk, TrunkRequest, TrunkView> {

    private final SecretBox box;

    TrunkResource(TrunkRepository trunks, SecretBox box) {
        super("trunk", trunks, Trunk::new);
        this.box = box;
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
