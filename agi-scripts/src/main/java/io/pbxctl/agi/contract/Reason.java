package io.pbxctl.agi.contract;

/**
 * Why a script refused: the fixed list the dialplan maps to an announcement and a SIP cause
 * (docs/fastagi.md).
 */
public enum Reason {
    /** The user's call class does not include the direction. */
    CLASS,
    /** The direction is closed for this user. */
    DIRECTION_CLOSED,
    /** The user's outbound calling is switched off. */
    OUTBOUND_DISABLED,
    /** Less than the minimum is left of the monthly quota (or reserved by calls in progress). */
    QUOTA_EXHAUSTED,
    /** The call needs an account code and none was entered. */
    ACCOUNT_CODE_REQUIRED,
    /** Wrong account codes were entered at every attempt. */
    ACCOUNT_CODE_INVALID,
    /** The calling device entered too many wrong codes recently and is locked out. */
    ACCOUNT_CODE_LOCKED,
    /** No trunk is configured for the call, or the number matches no prefix of the plan. */
    NO_ROUTE,
    /** The dialled number or another argument is malformed. */
    INVALID_REQUEST,
    /** The calling device, extension or room is not known in this tenant. */
    NOT_FOUND,
    /** The conference room is outside its time window. */
    OUTSIDE_WINDOW,
    /** Wrong conference PIN at every attempt, or none entered. */
    PIN_INVALID,
    /** The caller is not the supervisor of the target user. */
    NOT_SUPERVISOR,
    /** The target user has no call in progress to listen to. */
    TARGET_IDLE,
    /** The daemon or its database could not answer in time (fail closed). */
    UNAVAILABLE
}
