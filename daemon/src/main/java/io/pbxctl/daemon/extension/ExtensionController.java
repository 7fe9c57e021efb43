package io.pbxctl.daemon.extension;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/extensions; filters: userId, number. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/extensions")
@Tag(name = "Extensions")
class ExtensionController extends TenantCrudController<Extension, ExtensionRequest, ExtensionView> {

    ExtensionController(TenantCrud crud, ExtensionResource resource) {
        super(crud, resource);
    }
}
