package io.pbxctl.daemon.security;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.secrets.SecretPolicy;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.system.NotFound;
import io.pbxctl.daemon.user.UserRepository;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The web logins of a tenant's people, managed by the tenant's admins, and each person's own password. */
@Service
class Logins {

    private final WebLoginRepository logins;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final Access access;
    private final AuditLog audit;

    Logins(WebLoginRepository logins, UserRepository users, PasswordEncoder encoder, Access access, AuditLog audit) {
        this.logins = logins;
        this.users = users;
        this.encoder = encoder;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    Map<String, Object> put(long tenantId, long userId, LoginRequest request) {
        access.requireTenantAdmin(tenantId);
        if (!users.existsByIdAndTenantId(userId, tenantId)) {
            throw new NotFound("user", userId);
        }
        if (request.role() == Role.OPERATOR) {
            throw new FieldProblem("role", "TenantRole", "must be TENANT_ADMIN, USER, AGENT or BILLING_VIEWER");
        }
        if (request.password() != null) {
            SecretPolicy.requireStrong("password", request.password(), request.username());
        }
        WebLogin login = logins.findByUserId(userId).orElse(null);
        Map<String, Object> before = login == null ? null : summary(login);
        if (login == null) {
            if (request.password() == null) {
                throw new FieldProblem("password", "Required", "is required for a new login");
            }
            login = new WebLogin(request.username(), encoder.encode(request.password()), request.role(), tenantId, userId);
        } else {
            login.setUsername(request.username());
            login.setRole(request.role());
            if (request.password() != null) {
                login.setPasswordHash(encoder.encode(request.password()));
            }
        }
        logins.saveAndFlush(login);
        Map<String, Object> after = summary(login);
        if (before == null) {
            audit.created(tenantId, "login", login.getId(), after);
        } else {
            audit.updated(tenantId, "login", login.getId(), before, after);
        }
        return after;
    }

    @Transactional
    void delete(long tenantId, long userId) {
        access.requireTenantAdmin(tenantId);
        WebLogin login = logins.findByUserId(userId).filter(l -> l.getTenantId() == tenantId)
                .orElseThrow(() -> new NotFound("login of user", userId));
        logins.delete(login);
        logins.flush();
        audit.deleted(tenantId, "login", login.getId(), summary(login));
    }

    @Transactional
    void changeOwnPassword(PasswordChange change) {
        Caller caller = access.caller();
        WebLogin login = logins.findByUsername(caller.username())
                .orElseThrow(() -> new Forbidden("this login no longer exists"));
        if (!encoder.matches(change.currentPassword(), login.getPasswordHash())) {
            throw new FieldProblem("currentPassword", "Matches", "is not the current password");
        }
        SecretPolicy.requireStrong("newPassword", change.newPassword(), login.getUsername());
        login.setPasswordHash(encoder.encode(change.newPassword()));
        audit.record(login.getTenantId(), "PASSWORD_CHANGE", "login", login.getId(), Map.of("username", login.getUsername()));
    }

    private static Map<String, Object> summary(WebLogin login) {
        return Map.of("username", login.getUsername(), "role", login.getRole(), "userId", login.getUserId());
    }
}
