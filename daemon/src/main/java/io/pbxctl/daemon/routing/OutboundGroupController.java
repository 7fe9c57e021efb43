package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/outbound-groups; filter: name. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/outbound-groups")
@Tag(name = "Outbound groups")
class OutboundGroupController extends TenantCrudController<OutboundGroup, OutboundGroupRequest, OutboundGroupView> {

    OutboundGroupController(TenantCrud crud, OutboundGroupResource resource) {
        super(crud, resource);
    }
}
