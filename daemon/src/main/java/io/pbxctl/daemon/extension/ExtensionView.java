package io.pbxctl.daemon.extension;

import java.time.Instant;

/** An extension as shown to clients. */
record ExtensionView(Long id, Long userId, String number, Instant updatedAt) {
}
