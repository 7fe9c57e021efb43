package io.pbxctl.daemon.asterisk;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A snapshot of the AMI connection, for health pages and for telling an operator why a change has
 * not reached Asterisk yet.
 *
 * @param connection the state of the connection
 * @param since when it entered that state
 * @param detail why it is not connected ("Connection refused", "Authentication failed"), else empty
 * @param pending targets waiting to be reloaded, applied as soon as the connection is up
 * @param lastReload the last reload attempt, or null when none was made since start-up
 */
public record AmiStatus(Connection connection, Instant since, String detail, Set<ReloadTarget> pending, LastReload lastReload) {

    public AmiStatus {
        pending = ordered(pending);
    }

    public boolean connected() {
        return connection == Connection.CONNECTED;
    }

    /** Where the connection stands. */
    public enum Connection {
        /** {@code pbx.ami.enabled=false}: nothing connects, reloads only accumulate. */
        DISABLED,
        /** Started, first attempt not finished yet. */
        CONNECTING,
        CONNECTED,
        /** Asterisk does not answer (stopped, restarting, wrong host or port); retrying. */
        UNREACHABLE,
        /** Asterisk answered but refused the login (username, secret, or address not permitted); retrying slowly. */
        LOGIN_FAILED
    }

    /** One batch sent to Asterisk: module reloads, and single-extension edits of the running dialplan. */
    public record LastReload(Instant at, Set<ReloadTarget> targets, int dialplanEdits, Outcome outcome, String message) {

        public LastReload {
            targets = ordered(targets);
        }
    }

    public enum Outcome { OK, FAILED }

    /** An unmodifiable copy in declaration order, the order in which a batch is applied. */
    static Set<ReloadTarget> ordered(Set<ReloadTarget> targets) {
        return targets.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(targets));
    }
}
