package io.pbxctl.agi.port;

import java.util.Optional;

/** Conference rooms and who is calling (port implemented by the daemon). */
public interface ConferenceRooms {

    Optional<Room> find(String tenantSlug, String number);

    /** The user of a device of this tenant; empty for unknown devices and external callers. */
    Optional<Long> userOfDevice(String tenantSlug, String deviceName);
}
