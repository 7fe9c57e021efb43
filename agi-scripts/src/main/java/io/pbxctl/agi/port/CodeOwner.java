package io.pbxctl.agi.port;

/** The owner of an account code, and the label that call history shows instead of the code. */
public record CodeOwner(Party party, String label) {
}
