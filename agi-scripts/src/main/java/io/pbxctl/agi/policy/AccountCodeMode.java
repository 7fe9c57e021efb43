package io.pbxctl.agi.policy;

/** When a tenant's outbound calls need an account code (DESIGN.md section 2). */
public enum AccountCodeMode {
    OFF,
    ALL,
    RESTRICTED
}
