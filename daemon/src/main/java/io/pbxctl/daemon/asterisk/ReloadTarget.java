package io.pbxctl.daemon.asterisk;

public enum ReloadTarget {
    DIALPLAN, PJSIP, CONFBRIDGE
}
