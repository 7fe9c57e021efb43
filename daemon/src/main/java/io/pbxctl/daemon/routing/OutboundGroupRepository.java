package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Outbound groups; every lookup by id also names the tenant. */
public interface OutboundGroupRepository extends TenantScopedRepository<OutboundGroup> {
}
