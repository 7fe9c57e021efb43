package io.pbxctl.daemon.user;

/** Which of a user's calls are recorded. */
public enum RecordingMode {
    OFF,
    INBOUND,
    OUTBOUND,
    ALL
}
