package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/trunks; filters: name, host. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/trunks")
@Tag(name = "Trunks")
class TrunkController extends TenantCrudController<Trunk, TrunkRequest, TrunkView> {

    TrunkController(TenantCrud crud, TrunkResource resource) {
        super(crud, resource);
    }
}
