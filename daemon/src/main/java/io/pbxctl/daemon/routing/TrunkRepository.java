package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Trunks. */
public interface TrunkRepository extends TenantScopedRepository<Trunk> {
}
