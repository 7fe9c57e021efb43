package io.pbxctl.daemon.numbering;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/prefixes: the tenant's additions to its country's plan; filters: prefix, direction. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/prefixes")
@Tag(name = "Numbering plan")
class TenantPrefixController extends TenantCrudController<TenantPrefix, TenantPrefixRequest, TenantPrefixView> {

    TenantPrefixController(TenantCrud crud, TenantPrefixResource resource) {
        super(crud, resource);
    }
}
