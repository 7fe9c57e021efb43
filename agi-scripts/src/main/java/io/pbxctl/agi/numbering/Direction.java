package io.pbxctl.agi.numbering;

/** What a dialled number is, as decided by a tenant's numbering plan. */
public enum Direction {
    INTERNAL,
    EMERGENCY,
    LOCAL,
    LONG_DISTANCE,
    MOBILE,
    SPECIAL,
    INTERNATIONAL;

    /** Whether an administrator may close this direction for one user (emergency and internal never). */
    public boolean closable() {
        return this != INTERNAL && this != EMERGENCY;
    }
}
