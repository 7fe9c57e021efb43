package io.pbxctl.daemon.device;

import io.pbxctl.daemon.crud.TenantScopedRepository;

/** Devices. */
public interface DeviceRepository extends TenantScopedRepository<Device> {
}
