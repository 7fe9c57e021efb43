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
     * Whether the caller's quota must be read before {@link #decide}, because leaving it to the
     * call's reservation could change the outcome: in RESTRICTED mode for a user not marked as
     * needing a code, a quota refusal is offered a code; in mode OFF, a caller without trunks is
     * refused NO_ROUTE before any reservation, where the read quota would have said
     * QUOTA_EXHAUSTED first. In mode ALL, and for a marked user in RESTRICTED, every call asks
     * for a code, and the code owner's quota decides. Everywhere else the reservation, which
     * every allowed call makes, refuses with the same reason, so a read would only repeat it.
     */
    public static boolean readsQuotaFirst(AccountCodeMode mode, boolean userNeedsCode, boolean hasRoute) {
        return switch (mode) {
            case OFF -> !hasRoute;
            case ALL -> false;
            case RESTRICTED -> !userNeedsCode;
        };
    }

    /**
     * Whether the quota of an entered account code's owner must be read first: nothing more is
     * asked after a code, so only when the owner has no trunks (a caller without trunks of
     * their own would then be refused NO_ROUTE before the reservation).
     */
    public static boolean readsOwnersQuotaFirst(boolean ownerHasRoute) {
        return !ownerHasRoute;
    }
}
