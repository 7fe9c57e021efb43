package io.pbxctl.daemon.department;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Departments in the shared CRUD flow; one with users cannot be deleted (the database refuses). */
@Component
class DepartmentResource extends TenantResource<Department, DepartmentRequest, DepartmentView> {

    DepartmentResource(DepartmentRepository departments) {
        super("department", departments, Department::new);
    }

    @Override
    public void update(Tenant tenant, Department department, DepartmentRequest request) {
        department.setName(request.name());
    }

    @Override
    public DepartmentView view(Department department) {
        return new DepartmentView(department.getId(), department.getName(), department.getUpdatedAt());
    }

    @Override
    public Map<String, Function<String, Specification<Department>>> filters() {
        return Map.of("name", Filters.contains("name"));
    }
}
