package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.security.Role;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.tenant.Tenants;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Who may read which calls: operators any tenant's, tenant admins and billing viewers all of
 * their own tenant's, users and agents only calls they made, took or paid for with their
 * account code. Decided before anything is read.
 */
@Component
class HistoryScope {

    private final Access access;
    private final Tenants tenants;

    HistoryScope(Access access, Tenants tenants) {
        this.access = access;
        this.tenants = tenants;
    }

    /** The tenant whose calls are read, its time zone, and the one user they are limited to (null: all). */
    record Scope(long tenantId, ZoneId zone, Long onlyUserId) {
    }

    Scope require(long tenantId) {
        Caller caller = access.requireMember(tenantId);
        Long onlyUser = null;
        if (!caller.isOperator() && caller.role() != Role.TENANT_ADMIN && caller.role() != Role.BILLING_VIEWER) {
            if (caller.userId() == null) {
                throw new Forbidden("this login has no person of tenant " + tenantId + " whose calls it could see");
            }
            onlyUser = caller.userId();
        }
        Tenant tenant = tenants.require(tenantId);
        return new Scope(tenantId, ZoneId.of(tenant.getTimeZone()), onlyUser);
    }
}
