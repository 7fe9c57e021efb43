package io.pbxctl.agi.port;

import java.util.Optional;

/** Extensions of a tenant (port implemented by the daemon). */
public interface InternalCalls {

    Optional<Callee> find(String tenantSlug, String extension);
}
