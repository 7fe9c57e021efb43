package io.pbxctl.daemon.user;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.security.Role;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own settings, which they change without their admin: e-mail, call waiting and
 * auto-answer. Billing viewers see history only, so they are refused here.
 */
@Service
class OwnSettings {

    private final UserRepository users;
    private final UserResource resource;
    private final Access access;
    private final AuditLog audit;

    OwnSettings(UserRepository users, UserResource resource, Access access, AuditLog audit) {
        this.users = users;
        this.resource = resource;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    UserView read() {
        return resource.view(own(access.caller()));
    }

    @Transactional
    UserView change(OwnSettingsRequest request) {
        Caller caller = access.caller();
        PbxUser user = own(caller);
        UserView before = resource.view(user);
        user.applyOwn(request);
        users.saveAndFlush(user);
        UserView after = resource.view(user);
        audit.updated(caller.tenantId(), "user", user.getId(), before, after);
        return after;
    }

    private PbxUser own(Caller caller) {
        if (caller.userId() == null || caller.role() == Role.BILLING_VIEWER) {
            throw new Forbidden("this login has no own settings");
        }
        return users.findByIdAndTenantId(caller.userId(), caller.tenantId()).orElseThrow(() -> new NotFound("user", caller.userId()));
    }
}
