package io.pbxctl.agi.port;

import java.time.Instant;
import java.util.Optional;

/** Looks up the caller behind a device (port implemented by the daemon). */
public interface OutboundCallers {

    /** The caller of a device of the given tenant, with its quota as of {@code now}; empty when unknown. */
    Optional<OutboundCaller> find(String tenantSlug, String deviceName, Instant now);
}
