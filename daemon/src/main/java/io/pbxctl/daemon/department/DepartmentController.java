package io.pbxctl.daemon.department;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/departments; filter: name (contains). */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/departments")
@Tag(name = "Departments")
class DepartmentController extends TenantCrudController<Department, DepartmentRequest, DepartmentView> {

    DepartmentController(TenantCrud crud, DepartmentResource resource) {
        super(crud, resource);
    }
}
