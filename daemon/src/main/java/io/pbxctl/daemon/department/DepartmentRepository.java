package io.pbxctl.daemon.department;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Departments; every lookup by id also names the tenant. */
public interface DepartmentRepository extends TenantScopedRepository<Department> {
}
