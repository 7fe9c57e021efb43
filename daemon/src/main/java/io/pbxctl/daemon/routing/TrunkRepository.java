package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Trunks; every lookup by id also names the tenant. */
public interface TrunkRepository extends TenantScopedRepository<Trunk> {
}
