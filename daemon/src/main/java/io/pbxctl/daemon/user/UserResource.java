package io.pbxctl.daemon.user;

import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.References;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.department.DepartmentRepository;
import io.pbxctl.daemon.quota.QuotaUsage;
import io.pbxctl.daemon.routing.OutboundGroupRepository;
import io.pbxctl.daemon.security.WebLoginRepository;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.tenant.Tenants;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Users in the shared CRUD flow. Deleting a user deletes their extensions, devices, account
 * codes and login with them (database cascade, each audited) and leaves the users they supervised
 * without a supervisor; it is refused while an inbound number rings one of their extensions or they host
 * a conference room.
 */
@Component
class UserResource extends TenantResource<PbxUser, UserRequest, UserView> {

    private final UserRepository users;
    private final DepartmentRepository departments;
    private final OutboundGroupRepository outboundGroups;
    private final WebLoginRepository logins;
    private final QuotaUsage quota;
    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    UserResource(UserRepository users, DepartmentRepository departments, OutboundGroupRepository outboundGroups,
            WebLoginRepository logins, QuotaUsage quota, Tenants tenants, JdbcClient jdbc, AuditLog audit) {
        super("user", users, PbxUser::new);
        this.users = users;
        this.departments = departments;
        this.outboundGroups = outboundGroups;
        this.logins = logins;
        this.quota = quota;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void update(Tenant tenant, PbxUser user, UserRequest request) {
        long tenantId = tenant.getId();
        References.inTenant(departments, tenantId, request.departmentId(), "departmentId", "department");
        References.inTenant(outboundGroups, tenantId, request.outboundGroupId(), "outboundGroupId", "outbound group");
        References.inTenant(users, tenantId, request.supervisorId(), "supervisorId", "user");
        if (user.getId() != null && Objects.equals(user.getId(), request.supervisorId())) {
            throw new FieldProblem("supervisorId", "NotSelf", "a user cannot be their own supervisor");
        }
        if (request.closedDirections() != null) {
            for (Direction direction : request.closedDirections()) {
                if (direction == null || !direction.closable()) {
                    throw new FieldProblem("closedDirections", "Closable",
                            "only LOCAL, LONG_DISTANCE, MOBILE, SPECIAL and INTERNATIONAL can be closed; emergency calls are always allowed");
                }
            }
        }
        user.apply(request, tenant.getLanguage());
    }

    @Override
    public UserView view(PbxUser user) {
        ZoneId zone = ZoneId.of(tenants.require(user.getTenantId()).getTimeZone());
        UserView.WebLoginView login = user.getId() == null ? null : logins.findByUserId(user.getId())
                .map(l -> new UserView.WebLoginView(l.getUsername(), l.getRole())).orElse(null);
        return new UserView(user.getId(), user.getName(), user.getDepartmentId(), user.getEmail(), user.getLanguage(),
                user.getDescription(), user.getRealNumber(), user.getCallClass(), user.getClosedDirections(),
                user.isOutboundEnabled(), user.isNeedsAccountCode(), quota.of(user.getId(), user.getMonthlyQuotaMinutes(), zone),
                user.isAutoAnswer(), user.isCallWaiting(), user.getRecordingMode(), user.getRecordingEmail(), user.getSupervisorId(),
                user.getOutboundGroupId(), login, user.getUpdatedAt());
    }

    @Override
    public Map<String, Function<String, Specification<PbxUser>>> filters() {
        return Map.of(
                "name", Filters.contains("name"),
                "departmentId", Filters.id("departmentId", "departmentId"),
                "callClass", Filters.equal("callClass"),
                "realNumber", Filters.contains("realNumber"),
                "supervisorId", Filters.id("supervisorId", "supervisorId"),
                "outboundGroupId", Filters.id("outboundGroupId", "outboundGroupId"));
    }

    /** The database cascades the user's belongings; each is written to the audit log first, as if deleted one by one. */
    @Override
    public void beforeDelete(PbxUser user) {
        long tenantId = user.getTenantId();
        long userId = user.getId();
        for (Long supervised : jdbc.sql("SELECT id FROM pbx_user WHERE tenant_id = ? AND supervisor_id = ?")
                .params(tenantId, userId).query(Long.class).list()) {
            audit.updated(tenantId, "user", supervised, Collections.singletonMap("supervisorId", userId),
                    Collections.singletonMap("supervisorId", null));
        }
        users.releaseSupervised(tenantId, userId);
        auditCascade(tenantId, "extension", "SELECT id, number FROM extension WHERE user_id = ?", userId);
        auditCascade(tenantId, "device", "SELECT id, sip_username, kind FROM device WHERE user_id = ?", userId);
        auditCascade(tenantId, "account code", "SELECT id, label FROM account_code WHERE user_id = ?", userId);
        auditCascade(tenantId, "login", "SELECT id, username, role FROM web_login WHERE user_id = ?", userId);
    }

    private void auditCascade(long tenantId, String type, String sql, long userId) {
        jdbc.sql(sql).param(userId).query((rs, row) -> {
            Map<String, Object> before = new LinkedHashMap<>();
            for (int column = 2; column <= rs.getMetaData().getColumnCount(); column++) {
                before.put(JdbcUtils.convertUnderscoreNameToPropertyName(rs.getMetaData().getColumnLabel(column)), rs.getObject(column));
            }
            before.put("userId", userId);
            audit.deleted(tenantId, type, rs.getLong(1), before);
            return before;
        }).list();
    }
}
