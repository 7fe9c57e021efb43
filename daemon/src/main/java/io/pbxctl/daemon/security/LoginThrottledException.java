package io.pbxctl.daemon.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Authentication refused without checking the password, because of too many recent failures. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
