package io.pbxctl.daemon.asterisk;

/** One caller in a running ConfBridge conference, as ConfbridgeList reports them. */
public record ConferenceParticipant(String callerNumber, String callerName, boolean admin, boolean muted, int secondsIn) {
}
