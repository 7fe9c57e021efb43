package io.pbxctl.daemon.user;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/users; filters: name, departmentId, callClass, realNumber, supervisorId, outboundGroupId. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/users")
@Tag(name = "Users")
class UserController extends TenantCrudController<PbxUser, UserRequest, UserView> {

    UserController(TenantCrud crud, UserResource resource) {
        super(crud, resource);
    }
}
