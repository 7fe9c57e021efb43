package io.pbxctl.daemon.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated login behind a request: who it is, its role and, unless an operator, its tenant and person. */
public record Caller(String username, String passwordHash, Role role, Long tenantId, Long userId) implements UserDetails {

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    public boolean belongsTo(long tenant) {
        return tenantId != null && tenantId == tenant;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Without the password hash: Spring Security logs the principal at debug level. */
    @Override
    public String toString() {
        return "Caller[" + username + ", " + role + ", tenant " + tenantId + ", user " + userId + "]";
    }
}
