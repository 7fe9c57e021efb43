package io.pbxctl.daemon.directory;

import java.util.Map;
import java.util.Optional;

/**
 * A device's live registration as the directory shows it, from the device state Asterisk
 * reports for its endpoint; "unknown" whenever Asterisk could not be asked.
 */
enum Registration {
    REGISTERED,
    IN_CALL,
    OFFLINE,
    UNKNOWN;

    static Registration of(Optional<Map<String, String>> endpointStates, String sipUsername) {
        if (endpointStates.isEmpty()) {
            return UNKNOWN;
        }
        String state = endpointStates.get().get(sipUsername);
        if (state == null) {
            return UNKNOWN;
        }
        return switch (state) {
            case "Not in use" -> REGISTERED;
            case "In use", "Busy", "Ringing", "Ring+Inuse", "On Hold" -> IN_CALL;
            case "Unavailable" -> OFFLINE;
            default -> UNKNOWN;
        };
    }
}
