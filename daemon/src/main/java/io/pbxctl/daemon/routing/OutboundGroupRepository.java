package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Outbound groups. */
public interface OutboundGroupRepository extends TenantScopedRepository<OutboundGroup> {
}
