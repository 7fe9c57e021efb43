package io.pbxctl.daemon.inbound;

/** Where an inbound number sends a caller who does not dial an extension. */
public enum DestinationType {
    EXTENSION,
    CONFERENCE
}
