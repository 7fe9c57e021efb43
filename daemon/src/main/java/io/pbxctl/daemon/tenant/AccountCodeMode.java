package io.pbxctl.daemon.tenant;

/** When a tenant's outbound calls need an account code (DESIGN.md section 2). */
public enum AccountCodeMode {
    OFF,
    ALL,
    RESTRICTED
}
