package io.pbxctl.daemon.device;

/** What a device is; it decides transport, contacts and qualify settings in the generated pjsip. */
public enum DeviceKind {
    DESK_PHONE,
    SOFTPHONE,
    WEBRTC
}
