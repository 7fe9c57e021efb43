package io.pbxctl.daemon.routing;

/** How a trunk reaches its carrier. */
public enum TrunkTransport {
    UDP,
    TCP,
    TLS
}
