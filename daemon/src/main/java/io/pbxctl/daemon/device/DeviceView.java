package io.pbxctl.daemon.device;

import java.time.Instant;

/** A device as shown to clients: never its secret (see the login-details endpoint). */
record DeviceView(Long id, Long userId, String sipUsername, DeviceKind kind, String description, Instant updatedAt) {
}
