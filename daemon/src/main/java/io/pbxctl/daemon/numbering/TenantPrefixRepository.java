package io.pbxctl.daemon.numbering;

import io.pbxctl.daemon.crud.TenantScopedRepository;
import java.util.List;

/** Tenant prefixes. */
interface TenantPrefixRepository extends TenantScopedRepository<TenantPrefix> {

    List<TenantPrefix> findByTenantId(Long tenantId);
}
