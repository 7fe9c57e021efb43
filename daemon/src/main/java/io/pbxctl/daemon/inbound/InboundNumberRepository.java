package io.pbxctl.daemon.inbound;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Inbound numbers. */
interface InboundNumberRepository extends TenantScopedRepository<InboundNumber> {
}
