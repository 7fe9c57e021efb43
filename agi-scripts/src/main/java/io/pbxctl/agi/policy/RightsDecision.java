package io.pbxctl.agi.policy;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.numbering.Direction;

/** May this user call in this direction, and for how long? */
public final class RightsDecision {

    private RightsDecision() {
    }

    /**
     * Emergency is always allowed without limit. Otherwise the first failing rule gives the
     * reason: outbound off, class, closed direction, then quota (less than the minimum left; an
     * unread quota is left to the reservation).
     */
    public static Verdict check(Rights rights, Direction direction, long minimumSeconds) {
        if (direction == Direction.EMERGENCY) {
            return Verdict.allow(0);
        }
        if (!rights.outboundEnabled()) {
            return Verdict.refuse(Reason.OUTBOUND_DISABLED);
        }
        if (!rights.callClass().includes(direction)) {
            return Verdict.refuse(Reason.CLASS);
        }
        if (rights.closedDirections().contains(direction)) {
            return Verdict.refuse(Reason.DIRECTION_CLOSED);
        }
        QuotaState quota = rights.quota();
        if (quota.remainingSeconds() == null) {
            return Verdict.allow(0);
        }
        long remaining = quota.remainingSeconds();
        return remaining >= Math.max(1, minimumSeconds) ? Verdict.allow(remaining) : Verdict.refuse(Reason.QUOTA_EXHAUSTED);
    }

    /** Whether a refusal comes from the caller's own rights, so that an account code may lift it. */
    public static boolean liftableByCode(Reason reason) {
        return switch (reason) {
            case CLASS, DIRECTION_CLOSED, OUTBOUND_DISABLED, QUOTA_EXHAUSTED -> true;
            default -> false;
        };
    }
}
