package io.pbxctl.daemon.security;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.system.PbxProperties;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password authentication that refuses, before any bcrypt work, a username or client address
 * with too many recent failures; each lockout is written to the audit log.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final String ADDRESS = "address:";
    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final PbxProperties.Logins limits;
    private final UserDetailsService details;
    private final VerifiedPasswords verified;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, UserDetailsService details, VerifiedPasswords verified,
            LoginThrottle throttle, AuditLog audit, PbxProperties.Logins limits) {
        this.passwords = passwords;
        this.details = details;
        this.verified = verified;
        this.throttle = throttle;
        this.audit = audit;
        this.limits = limits;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        List<String> keys = keys(authentication);
        for (String key : keys) {
            throttle.lockedFor(key).ifPresent(remaining -> {
                throw new LoginThrottledException(remaining);
            });
        }
        Optional<Authentication> recent = recentlyVerified(authentication);
        if (recent.isPresent()) {
            return recent.get();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            if (result.getPrincipal() instanceof Caller caller) {
                verified.remember(caller.username(), String.valueOf(authentication.getCredentials()), caller.passwordHash());
            }
            throttle.recordSuccess(keys.get(0));
            return result;
        } catch (BadCredentialsException e) {
            for (String key : keys) {
                int limit = key.startsWith(ADDRESS) ? limits.maxFailuresPerAddress() : limits.maxFailures();
                if (throttle.recordFailure(key, limit)) {
                    log.warn("Login locked out after repeated failures: {}", key);
                    audit.loginLockout(key);
                }
            }
            throw e;
        }
    }

    /** The login as stored now (role, tenant, hash), if this password matched its hash a moment ago. */
    private Optional<Authentication> recentlyVerified(Authentication authentication) {
        if (authentication.getCredentials() == null) {
            return Optional.empty();
        }
        try {
            Caller caller = (Caller) details.loadUserByUsername(authentication.getName());
            if (!verified.matches(caller.username(), authentication.getCredentials().toString(), caller.passwordHash())) {
                return Optional.empty();
            }
            return Optional.of(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.getAuthorities()));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * A name is counted per client address, so that nobody can lock a known login out from
     * elsewhere; the address is also counted on its own, with its higher limit.
     */
    private static List<String> keys(Authentication authentication) {
        return Optional.ofNullable(authentication.getDetails())
                .filter(WebAuthenticationDetails.class::isInstance)
                .map(details -> ((WebAuthenticationDetails) details).getRemoteAddress())
                .map(address -> List.of(userKey(authentication) + "@" + address, ADDRESS + address))
                .orElse(List.of(userKey(authentication)));
    }

    /** Login names match case-insensitively in the database, so every spelling must share one count. */
    private static String userKey(Authentication authentication) {
        return "user:" + authentication.getName().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
