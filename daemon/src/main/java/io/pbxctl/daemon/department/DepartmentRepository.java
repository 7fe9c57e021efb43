package io.pbxctl.daemon.department;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Departments. */
public interface DepartmentRepository extends TenantScopedRepository<Department> {
}
