package io.pbxctl.agi.port;

import java.util.Optional;

/** Supervisor relations (port implemented by the daemon). */
public interface Supervision {

    /** Empty when the calling device or the extension is not of this tenant. */
    Optional<SpyTarget> find(String tenantSlug, String callerDevice, String extension);
}
