package io.pbxctl.daemon.inbound;

import java.time.Instant;

/** An inbound number as shown to clients. */
record InboundNumberView(Long id, String number, String description, boolean directDial, Destination destination, Instant updatedAt) {
}
