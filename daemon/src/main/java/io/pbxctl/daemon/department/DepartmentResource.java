package io.pbxctl.daemon.department;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.crud.TenantScopedRepository;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Departments in the shared CRUD flow; one with users cannot be deleted (the database refuses). */
@Component
class DepartmentResource implements TenantResource<Department, DepartmentRequest, DepartmentView> {

    private final DepartmentRepository departments;

    DepartmentResource(DepartmentRepository departments) {
        this.departments = departments;
    }

    @Override
    public String type() {
        return "department";
    }

    @Override
    public TenantScopedRepository<Department> repository() {
        return departments;
    }

    @Override
    public Department create(Tenant tenant, DepartmentRequest request) {
        Department department = new Department(tenant.getId());
        update(tenant, department, request);
        return department;
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
