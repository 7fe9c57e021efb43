package io.pbxctl.daemon.inbound;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Inbound numbers; every lookup by id also names the tenant. */
interface InboundNumberRepository extends TenantScopedRepository<InboundNumber> {
}
