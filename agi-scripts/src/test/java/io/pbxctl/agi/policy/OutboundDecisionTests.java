package io.pbxctl.agi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboundDecisionTests {

    /**
     * 3 account-code modes x needs-code yes/no x the 8,960 rights cases of {@link RightsSpace}
     * = 53,760 combinations, each against an oracle written from the wording.
     */
    @Test
    void everyCombinationMatchesTheOracle() {
        List<String> mismatches = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        int combinations = 0;
        for (AccountCodeMode mode : AccountCodeMode.values()) {
            for (boolean needsCode : new boolean[] {true, false}) {
                for (RightsSpace.Case c : RightsSpace.all()) {
                    OutboundStep expected = expected(mode, needsCode, c.rights(), c.direction());
                    OutboundStep actual = OutboundDecision.decide(mode, needsCode, c.rights(), c.direction(),
                            RightsSpace.MINIMUM);
                    if (!actual.equals(expected) || actual.needsCode() != (expected.verdict() == null)) {
                        mismatches.add(mode + ", needs code " + needsCode + ", " + c + ": " + actual + " instead of " + expected);
                    }
                    kinds.add(kind(expected));
                    combinations++;
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(combinations).isEqualTo(3 * 2 * RightsSpace.SIZE).isEqualTo(53_760);
        assertThat(kinds).containsExactlyInAnyOrder(
                "allowed", "refused OUTBOUND_DISABLED", "refused CLASS", "refused DIRECTION_CLOSED",
                "refused QUOTA_EXHAUSTED", "ask, else ACCOUNT_CODE_REQUIRED", "ask, else OUTBOUND_DISABLED",
                "ask, else CLASS", "ask, else DIRECTION_CLOSED", "ask, else QUOTA_EXHAUSTED");
    }

    @Test
    void restrictedModeOnlyAsksAUserWithoutTheMarkWhenTheirRightsRefuse() {
        Rights national = new Rights(true, CallClass.NATIONAL, Set.of(), QuotaState.unlimited());
        Rights local = new Rights(true, CallClass.LOCAL, Set.of(), QuotaState.unlimited());
        assertThat(OutboundDecision.decide(AccountCodeMode.RESTRICTED, false, national, Direction.MOBILE, 60))
                .isEqualTo(new OutboundStep(Verdict.allow(0), null));
        assertThat(OutboundDecision.decide(AccountCodeMode.RESTRICTED, false, local, Direction.MOBILE, 60))
                .isEqualTo(new OutboundStep(null, Reason.CLASS));
        assertThat(OutboundDecision.decide(AccountCodeMode.RESTRICTED, true, national, Direction.MOBILE, 60))
                .isEqualTo(new OutboundStep(null, Reason.ACCOUNT_CODE_REQUIRED));
    }

    @Test
    void modeOffNeverAsksEvenAUserMarkedAsNeedingACode() {
        Rights local = new Rights(true, CallClass.LOCAL, Set.of(), QuotaState.unlimited());
        assertThat(OutboundDecision.decide(AccountCodeMode.OFF, true, local, Direction.MOBILE, 60))
                .isEqualTo(new OutboundStep(Verdict.refuse(Reason.CLASS), null));
    }

    @Test
    void emergencyNeverAsksForACode() {
        Rights none = new Rights(false, CallClass.INTERNAL, Set.of(), QuotaState.remaining(0));
        assertThat(OutboundDecision.decide(AccountCodeMode.ALL, true, none, Direction.EMERGENCY, 60))
                .isEqualTo(new OutboundStep(Verdict.allow(0), null));
    }

    /**
     * The issue: emergency is always allowed; mode ALL asks every outbound call for a code and
     * RESTRICTED asks users marked as needing one; in ALL and RESTRICTED a refusal of the caller's
     * own rights is offered a code. Without a code: REQUIRED when the code was required, the
     * original reason when it was only offered.
     */
    private static OutboundStep expected(AccountCodeMode mode, boolean needsCode, Rights rights, Direction direction) {
        Verdict own = RightsSpace.expected(rights, direction);
        if (direction == Direction.EMERGENCY) {
            return new OutboundStep(own, null);
        }
        boolean required = mode == AccountCodeMode.ALL || (mode == AccountCodeMode.RESTRICTED && needsCode);
        boolean offered = mode != AccountCodeMode.OFF && own.refusal() != null;
        if (required) {
            return new OutboundStep(null, Reason.ACCOUNT_CODE_REQUIRED);
        }
        return offered ? new OutboundStep(null, own.refusal()) : new OutboundStep(own, null);
    }

    private static String kind(OutboundStep step) {
        if (step.verdict() == null) {
            return "ask, else " + step.withoutCode();
        }
        return step.verdict().refusal() == null ? "allowed" : "refused " + step.verdict().refusal();
    }
}
