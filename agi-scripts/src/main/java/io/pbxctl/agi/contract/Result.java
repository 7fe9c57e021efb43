package io.pbxctl.agi.contract;

/** The value of {@link Variables#RESULT}. */
public enum Result {
    ALLOWED,
    REFUSED
}
