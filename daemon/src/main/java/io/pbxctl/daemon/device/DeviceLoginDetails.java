package io.pbxctl.daemon.device;

/** Everything a user types into a phone to register it. */
record DeviceLoginDetails(String username, String password, String server, int port, String transport) {
}
