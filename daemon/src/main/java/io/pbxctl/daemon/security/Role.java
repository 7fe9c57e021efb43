package io.pbxctl.daemon.security;

/** What a login may do. Operators run the server; every other role lives inside one tenant. */
public enum Role {
    OPERATOR,
    TENANT_ADMIN,
    USER,
    AGENT,
    BILLING_VIEWER
}
