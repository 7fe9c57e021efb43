package io.pbxctl.daemon.crud;

import io.pbxctl.daemon.system.FieldProblem;

/** Checks that an id sent in a request names an object of the same tenant. */
public final class References {

    private References() {
    }

    /** Passes null through (an optional reference); otherwise the object must exist in the tenant. */
    public static Long inTenant(TenantScopedRepository<?> repository, long tenantId, Long id, String field, String type) {
        if (id != null && !repository.existsByIdAndTenantId(id, tenantId)) {
            throw new FieldProblem(field, "Exists", "no " + type + " " + id + " in this tenant");
        }
        return id;
    }
}
