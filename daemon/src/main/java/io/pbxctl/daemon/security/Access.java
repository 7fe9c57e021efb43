package io.pbxctl.daemon.security;

import io.pbxctl.daemon.system.Forbidden;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the caller may act on a tenant. Each check runs before
 * anything is read, so a refusal reveals nothing about whether the object exists.
 */
@Component
public class Access {

    public Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new Forbidden("not logged in");
    }

    /** The actor name written to the audit log; "system" for work the daemon does by itself. */
    public String actorName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller.username() : "system";
    }

    public Caller requireOperator() {
        Caller caller = caller();
        if (!caller.isOperator()) {
            throw new Forbidden("only an operator may do this");
        }
        return caller;
    }

    /** Operators, and the tenant admins of this tenant. */
    public Caller requireTenantAdmin(long tenantId) {
        Caller caller = caller();
        if (caller.isOperator() || (caller.role() == Role.TENANT_ADMIN && caller.belongsTo(tenantId))) {
            return caller;
        }
        throw new Forbidden("not allowed to administer tenant " + tenantId);
    }

    /** Any login of this tenant, and operators. */
    public Caller requireMember(long tenantId) {
        Caller caller = caller();
        if (caller.isOperator() || caller.belongsTo(tenantId)) {
            return caller;
        }
        throw new Forbidden("not allowed for tenant " + tenantId);
    }

    /** Anyone of this tenant who may see its directory (not billing viewers), and operators. */
    public Caller requireDirectoryReader(long tenantId) {
        Caller caller = caller();
        if (caller.isOperator() || (caller.belongsTo(tenantId) && caller.role() != Role.BILLING_VIEWER)) {
            return caller;
        }
        throw new Forbidden("not allowed to read the directory of tenant " + tenantId);
    }

    /** The person themself, their tenant's admins, and operators. */
    public Caller requireSelfOrTenantAdmin(long tenantId, long userId) {
        Caller caller = caller();
        if (caller.belongsTo(tenantId) && caller.userId() != null && caller.userId() == userId) {
            return caller;
        }
        return requireTenantAdmin(tenantId);
    }
}
