package io.pbxctl.agi.contract;

/**
 * Names of generated Asterisk objects that both the FastAGI scripts and the configuration
 * generator use. Device endpoints take the SIP username ([A-Za-z0-9._-]); everything else
 * generated lives in a namespace a device cannot take.
 */
public final class AsteriskNames {

    public static final String CONFERENCE_BRIDGE_PROFILE = "pbx-bridge";
    public static final String CONFERENCE_HOST_PROFILE = "pbx-host";
    public static final String CONFERENCE_GUEST_PROFILE = "pbx-guest";

    private AsteriskNames() {
    }

    /** The pjsip endpoint of a tenant's trunk; '~' cannot appear in a device name. */
    public static String trunkEndpoint(String tenantSlug, String trunkName) {
        return "trunk~" + tenantSlug + "~" + trunkName;
    }

    /** The Dial() destination that sends a number out over a trunk. */
    public static String trunkDial(String tenantSlug, String trunkName, String number) {
        return "PJSIP/" + number + "@" + trunkEndpoint(tenantSlug, trunkName);
    }

    /** The ConfBridge conference of a room: tenants may reuse room numbers. */
    public static String conference(String tenantSlug, String roomNumber) {
        return tenantSlug + "~" + roomNumber;
    }
}
