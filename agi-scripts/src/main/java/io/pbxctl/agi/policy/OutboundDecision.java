package io.pbxctl.agi.policy;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.numbering.Direction;

/** The outbound decision before any account code: the caller's own rights and the tenant's code mode. */
public final class OutboundDecision {

    private OutboundDecision() {
    }

    /**
     * Emergency never asks for a code. Mode ALL, and RESTRICTED for a user marked as needing
     * one, always ask. In every mode but OFF, a call the caller's own rights refuse asks for a
     * code that may lift the refusal; without one the caller hears the original reason.
     */
    public static OutboundStep decide(AccountCodeMode mode, boolean userNeedsCode, Rights rights, Direction direction,
            long minimumSeconds) {
        Verdict own = RightsDecision.check(rights, direction, minimumSeconds);
        if (direction == Direction.EMERGENCY || mode == AccountCodeMode.OFF) {
            return OutboundStep.decided(own);
        }
        if (mode == AccountCodeMode.ALL || userNeedsCode) {
            return OutboundStep.askForCode(Reason.ACCOUNT_CODE_REQUIRED);
        }
        if (!own.allowed() && RightsDecision.liftableByCode(own.refusal())) {
            return OutboundStep.askForCode(own.refusal());
        }
        return OutboundStep.decided(own);
    }

    /**
     * Whether the caller's quota must be read before {@link #decide}: only when a call it
     * refuses would be offered an account code (RESTRICTED, for a user not marked as needing
     * one). Everywhere else the reservation, which every allowed call makes, refuses with the
     * same reason, so the read would only repeat its work. An account code's owner is never
     * asked anything more, so the owner's quota is never read first either.
     */
    public static boolean readsQuotaFirst(AccountCodeMode mode, boolean userNeedsCode) {
        return mode == AccountCodeMode.RESTRICTED && !userNeedsCode;
    }
}
