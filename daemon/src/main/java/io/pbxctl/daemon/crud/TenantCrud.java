package io.pbxctl.daemon.crud;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.NotFound;
import io.pbxctl.daemon.system.PageResponse;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.tenant.Tenants;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared flow of every tenant object: access check first, then the tenant-scoped lookup,
 * the change, a flush (so the database's constraints answer inside the request) and the
 * audit entry, all in one transaction.
 */
@Service
public class TenantCrud {

    private final Access access;
    private final Tenants tenants;
    private final AuditLog audit;

    TenantCrud(Access access, Tenants tenants, AuditLog audit) {
        this.access = access;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public <E extends TenantEntity, Q, R> PageResponse<R> list(TenantResource<E, Q, R> resource, long tenantId,
            Map<String, String> filters, Pageable pageable) {
        access.requireTenantAdmin(tenantId);
        tenants.require(tenantId);
        Specification<E> inTenant = (root, query, cb) -> cb.equal(root.get("tenantId"), tenantId);
        Specification<E> spec = inTenant.and(Filters.build(resource.filters(), filters));
        return PageResponse.of(resource.repository().findAll(spec, pageable).map(resource::view));
    }

    @Transactional(readOnly = true)
    public <E extends TenantEntity, Q, R> R get(TenantResource<E, Q, R> resource, long tenantId, long id) {
        access.requireTenantAdmin(tenantId);
        return resource.view(load(resource, tenantId, id));
    }

    @Transactional
    public <E extends TenantEntity, Q, R> R create(TenantResource<E, Q, R> resource, long tenantId, Q request) {
        access.requireTenantAdmin(tenantId);
        Tenant tenant = tenants.require(tenantId);
        E entity = resource.repository().saveAndFlush(resource.create(tenant, request));
        R view = resource.view(entity);
        audit.created(tenantId, resource.type(), entity.getId(), view);
        return view;
    }

    @Transactional
    public <E extends TenantEntity, Q, R> R update(TenantResource<E, Q, R> resource, long tenantId, long id, Q request) {
        access.requireTenantAdmin(tenantId);
        Tenant tenant = tenants.require(tenantId);
        E entity = load(resource, tenantId, id);
        R before = resource.view(entity);
        resource.update(tenant, entity, request);
        resource.repository().saveAndFlush(entity);
        R after = resource.view(entity);
        audit.updated(tenantId, resource.type(), id, before, after);
        return after;
    }

    @Transactional
    public <E extends TenantEntity, Q, R> void delete(TenantResource<E, Q, R> resource, long tenantId, long id) {
        access.requireTenantAdmin(tenantId);
        E entity = load(resource, tenantId, id);
        R before = resource.view(entity);
        resource.beforeDelete(entity);
        resource.repository().delete(entity);
        resource.repository().flush();
        audit.deleted(tenantId, resource.type(), id, before);
    }

    private <E extends TenantEntity, Q, R> E load(TenantResource<E, Q, R> resource, long tenantId, long id) {
        return resource.repository().findByIdAndTenantId(id, tenantId).orElseThrow(() -> new NotFound(resource.type(), id));
    }
}
