package io.pbxctl.daemon.inbound;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/inbound-numbers: the tenant's DIDs; filters: number, destinationType. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/inbound-numbers")
@Tag(name = "Inbound numbers")
class InboundNumberController extends TenantCrudController<InboundNumber, InboundNumberRequest, InboundNumberView> {

    InboundNumberController(TenantCrud crud, InboundNumberResource resource) {
        super(crud, resource);
    }
}
