package io.pbxctl.daemon.numbering;

import io.pbxctl.daemon.crud.TenantScopedRepository;
import java.util.List;

/** A tenant's own prefixes, read whole when its numbering plan is built. */
interface TenantPrefixRepository extends TenantScopedRepository<TenantPrefix> {

    List<TenantPrefix> findByTenantId(Long tenantId);
}
