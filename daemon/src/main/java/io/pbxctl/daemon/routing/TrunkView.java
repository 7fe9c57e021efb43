package io.pbxctl.daemon.routing;

import java.time.Instant;

/** A trunk as shown to clients: whether it has a secret, never the secret. */
record TrunkView(Long id, String name, String host, int port, TrunkTransport transport, boolean registration, String username,
        boolean hasSecret, Instant updatedAt) {
}
