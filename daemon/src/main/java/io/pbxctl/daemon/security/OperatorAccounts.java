package io.pbxctl.daemon.security;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.secrets.SecretPolicy;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operator logins, managed from the command line so that a fresh install needs no SQL. */
@Service
public class OperatorAccounts {

    private final WebLoginRepository logins;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    OperatorAccounts(WebLoginRepository logins, PasswordEncoder encoder, AuditLog audit) {
        this.logins = logins;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** @throws IllegalArgumentException with a message fit for the terminal when the input is refused */
    @Transactional
    public void create(String username, String password) {
        Passwords.checkUsername(username);
        Passwords.checkStrength(password, username);
        if (logins.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("the login name '" + username + "' is already taken");
        }
        WebLogin login = logins.saveAndFlush(new WebLogin(username, encoder.encode(password), Role.OPERATOR, null, null));
        audit.created(null, "login", login.getId(), Map.of("username", username, "role", Role.OPERATOR));
    }

    /** Sets a new password for any login, operator or not. */
    @Transactional
    public void resetPassword(String username, String password) {
        WebLogin login = logins.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("there is no login named '" + username + "'"));
        Passwords.checkStrength(password, username);
        login.setPasswordHash(encoder.encode(password));
        audit.record(login.getTenantId(), "PASSWORD_RESET", "login", login.getId(), Map.of("username", username));
    }

    static final class Passwords {

        private Passwords() {
        }

        static void checkUsername(String username) {
            if (username == null || !username.matches(io.pbxctl.daemon.validation.Rules.USERNAME)) {
                throw new IllegalArgumentException("username " + io.pbxctl.daemon.validation.Rules.USERNAME_MESSAGE);
            }
        }

        static void checkStrength(String password, String username) {
            SecretPolicy.weakness(password, username).ifPresent(reason -> {
                throw new IllegalArgumentException("password " + reason);
            });
        }
    }
}
