package io.pbxctl.daemon.tenant;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.system.Conflict;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.system.NotFound;
import io.pbxctl.daemon.system.PageResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants: operators create and delete them; a tenant's own admins read and adjust their
 * tenant but cannot move it to another country.
 */
@Service
public class Tenants {

    private final TenantRepository tenants;
    private final JdbcClient jdbc;
    private final Access access;
    private final AuditLog audit;

    Tenants(TenantRepository tenants, JdbcClient jdbc, Access access, AuditLog audit) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /** The tenant, without access checks: callers have checked access already. */
    public Tenant require(long tenantId) {
        return tenants.findById(tenantId).orElseThrow(() -> new NotFound("tenant", tenantId));
    }

    @Transactional(readOnly = true)
    PageResponse<TenantView> list(String slug, String name, Country country, Pageable pageable) {
        Caller caller = access.caller();
        Specification<Tenant> spec = Specification.where(null);
        if (!caller.isOperator()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("id"), caller.tenantId()));
        }
        if (slug != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("slug"), slug));
        }
        if (name != null) {
            spec = spec.and(Filters.<Tenant>contains("name").apply(name));
        }
        if (country != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("country"), country));
        }
        return PageResponse.of(tenants.findAll(spec, pageable).map(Tenant::view));
    }

    @Transactional(readOnly = true)
    TenantView get(long tenantId) {
        Caller caller = access.caller();
        if (!caller.isOperator() && !caller.belongsTo(tenantId)) {
            throw new Forbidden("not allowed to read tenant " + tenantId);
        }
        return require(tenantId).view();
    }

    @Transactional
    TenantView create(TenantRequest request) {
        access.requireOperator();
        checkAreaCode(request);
        Tenant tenant = new Tenant(request.slug());
        tenant.apply(request);
        tenants.saveAndFlush(tenant);
        TenantView view = tenant.view();
        audit.created(tenant.getId(), "tenant", tenant.getId(), view);
        return view;
    }

    @Transactional
    TenantView update(long tenantId, TenantRequest request) {
        Caller caller = access.requireTenantAdmin(tenantId);
        Tenant tenant = require(tenantId);
        if (!tenant.getSlug().equals(request.slug())) {
            throw new FieldProblem("slug", "Immutable", "cannot be changed: it names the tenant's Asterisk objects");
        }
        if (tenant.getCountry() != request.country() && !caller.isOperator()) {
            throw new Forbidden("only an operator may change a tenant's country");
        }
        checkAreaCode(request);
        int length = request.extensionLength() == null ? 3 : request.extensionLength();
        if (length != tenant.getExtensionLength()) {
            long others = jdbc.sql("SELECT COUNT(*) FROM extension WHERE tenant_id = ? AND CHAR_LENGTH(number) <> ?")
                    .params(tenantId, length).query(Long.class).single();
            if (others > 0) {
                throw new Conflict("extensionLength", others + " extensions of this tenant have another length; renumber them first");
            }
        }
        TenantView before = tenant.view();
        tenant.apply(request);
        tenants.saveAndFlush(tenant);
        TenantView after = tenant.view();
        audit.updated(tenantId, "tenant", tenantId, before, after);
        return after;
    }

    @Transactional
    void delete(long tenantId) {
        access.requireOperator();
        Tenant tenant = require(tenantId);
        long users = jdbc.sql("SELECT COUNT(*) FROM pbx_user WHERE tenant_id = ?").param(tenantId).query(Long.class).single();
        if (users > 0) {
            throw new Conflict("users", "the tenant still has " + users + " users; delete them first");
        }
        Map<String, Long> removed = new LinkedHashMap<>();
        for (String table : List.of("department", "trunk", "outbound_group", "inbound_number", "conference_room", "tenant_prefix")) {
            removed.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?").param(tenantId).query(Long.class).single());
        }
        // Children that other children still reference go first, so the cascade never meets a RESTRICT key.
        jdbc.sql("DELETE FROM inbound_number WHERE tenant_id = ?").param(tenantId).update();
        jdbc.sql("DELETE FROM outbound_group WHERE tenant_id = ?").param(tenantId).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("tenant", tenant.view());
        before.put("removedWithIt", removed);
        tenants.delete(tenant);
        tenants.flush();
        audit.deleted(tenantId, "tenant", tenantId, before);
    }

    private void checkAreaCode(TenantRequest request) {
        if (request.areaCode() == null) {
            return;
        }
        boolean known = jdbc.sql("SELECT COUNT(*) FROM plan_prefix WHERE country = ? AND prefix = ? AND area_code")
                .params(request.country().name(), request.areaCode()).query(Long.class).single() > 0;
        if (!known) {
            throw new FieldProblem("areaCode", "AreaCode", "is not an area code of the " + request.country() + " numbering plan");
        }
    }
}
