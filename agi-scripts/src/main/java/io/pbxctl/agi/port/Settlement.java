package io.pbxctl.agi.port;

/** What settling a call did; the value of PBX_SETTLEMENT. */
public enum Settlement {
    /** The talk time was added to the party's usage and the reservation released. */
    CHARGED,
    /** This call was settled before: nothing changed. */
    ALREADY_SETTLED,
    /** No reservation exists for the call (emergency, refused, or unknown call): nothing to charge. */
    NOTHING_RESERVED
}
