package io.pbxctl.daemon.device;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Devices; every lookup by id also names the tenant. */
public interface DeviceRepository extends TenantScopedRepository<Device> {
}
