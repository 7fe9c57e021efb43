package io.pbxctl.agi.contract;

/**
 * Every channel variable a script sets: the names are the contract with the generated dialplan
 * (docs/fastagi.md), so they exist only here.
 */
public final class Variables {

    /** ALLOWED or REFUSED; any other value, including unset, means refused. */
    public static final String RESULT = "PBX_RESULT";
    /** Why a request was refused: a {@link Reason} name. */
    public static final String REASON = "PBX_REASON";

    /** The direction of an outbound number: a Direction name. */
    public static final String DIRECTION = "PBX_DIRECTION";
    /** The number as sent to the carrier, after normalisation. */
    public static final String NUMBER = "PBX_NUMBER";
    /** How many trunk dial strings follow in {@link #TRUNK_PREFIX}1..N, in failover order. */
    public static final String TRUNK_COUNT = "PBX_TRUNK_COUNT";
    /** PBX_TRUNK_1, PBX_TRUNK_2, ...: complete Dial() destinations. */
    public static final String TRUNK_PREFIX = "PBX_TRUNK_";
    public static final String CALLER_ID_NUMBER = "PBX_CALLERID_NUM";
    public static final String CALLER_ID_NAME = "PBX_CALLERID_NAME";
    /** Hard limit of the answered call in milliseconds for Dial's L(); 0 means no limit. */
    public static final String LIMIT_MS = "PBX_LIMIT_MS";
    /** The label of the account code used (its owner's label, never the code); empty when none. */
    public static final String ACCOUNT_LABEL = "PBX_ACCOUNT_LABEL";

    /** Internal call: 1 when the callee accepts a second call while busy, else 0. */
    public static final String CALL_WAITING = "PBX_CALL_WAITING";
    /** Internal call: 1 when the callee's devices answer by themselves, else 0. */
    public static final String AUTO_ANSWER = "PBX_AUTO_ANSWER";
    /** Internal call: the callee's recording mode (OFF, INBOUND, OUTBOUND, ALL). */
    public static final String RECORDING = "PBX_RECORDING";
    /** Internal call: the callee's user id, for the call record. */
    public static final String CALLEE_USER_ID = "PBX_CALLEE_USER_ID";
    /** Internal call: every reachable contact of the callee's devices, joined with '&'; empty when none. */
    public static final String DIAL = "PBX_DIAL";

    /** Conference: the ConfBridge conference name. */
    public static final String CONF_NAME = "PBX_CONF_NAME";
    public static final String CONF_BRIDGE_PROFILE = "PBX_CONF_BRIDGE_PROFILE";
    public static final String CONF_USER_PROFILE = "PBX_CONF_USER_PROFILE";
    /** Conference: HOST or GUEST. */
    public static final String CONF_ROLE = "PBX_CONF_ROLE";
    /** Conference: seconds the caller may stay, until the room's window closes; 0 for no limit. */
    public static final String CONF_TIMEOUT = "PBX_CONF_TIMEOUT";

    /** Supervision: the exact channel name to give ChanSpy with its u option. */
    public static final String SPY_CHANNEL = "PBX_SPY_CHANNEL";

    /** Settlement: CHARGED, ALREADY_SETTLED or NOTHING_RESERVED. */
    public static final String SETTLEMENT = "PBX_SETTLEMENT";

    private Variables() {
    }
}
