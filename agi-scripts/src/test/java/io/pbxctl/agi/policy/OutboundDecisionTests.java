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
     * 3 account-code modes x needs-code yes/no x the 10,752 rights cases of {@link RightsSpace}
     * = 64,512 combinations, each against an oracle written from the wording.
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
        assertThat(combinations).isEqualTo(3 * 2 * RightsSpace.SIZE).isEqualTo(64_512);
        assertThat(kinds).containsExactlyInAnyOrder(
                "allowed", "refused OUTBOUND_DISABLED", "refused CLASS", "refused DIRECTION_CLOSED",
                "refused QUOTA_EXHAUSTED", "ask, else ACCOUNT_CODE_REQUIRED", "ask, else OUTBOUND_DISABLED",
                "ask, else CLASS", "ask, else DIRECTION_CLOSED", "ask, else QUOTA_EXHAUSTED");
    }

    /**
     * Leaving the quota unread changes no call's outcome wherever {@code readsQuotaFirst} says so:
     * for every mode, mark and read quota, the decision on the unread quota followed by the
     * reservation (granted exactly when the read quota has the minimum left) ends as the
     * decision on the read quota does. Where it says the read is needed, skipping it would
     * change an outcome.
     */
    @Test
    void theQuotaIsReadFirstExactlyWhereLeavingItToTheReservationWouldChangeAnOutcome() {
        List<String> mismatches = new ArrayList<>();
        Set<String> needed = new HashSet<>();
        for (AccountCodeMode mode : AccountCodeMode.values()) {
            for (boolean needsCode : new boolean[] {true, false}) {
                for (RightsSpace.Case c : RightsSpace.all()) {
                    if (!RightsSpace.READ_QUOTAS.contains(c.rights().quota())) {
                        continue;
                    }
                    Rights unread = new Rights(c.rights().outboundEnabled(), c.rights().callClass(), c.rights().closedDirections(),
                            QuotaState.unread());
                    boolean reservationGranted = c.rights().quota().remainingSeconds() >= RightsSpace.MINIMUM;
                    String read = outcome(OutboundDecision.decide(mode, needsCode, c.rights(), c.direction(), RightsSpace.MINIMUM),
                            c.direction(), reservationGranted);
                    String deferred = outcome(OutboundDecision.decide(mode, needsCode, unread, c.direction(), RightsSpace.MINIMUM),
                            c.direction(), reservationGranted);
                    if (read.equals(deferred)) {
                        continue;
                    }
                    if (OutboundDecision.readsQuotaFirst(mode, needsCode)) {
                        needed.add(mode + "/" + needsCode);
                    } else {
                        mismatches.add(mode + ", needs code " + needsCode + ", " + c + ": " + deferred + " instead of " + read);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(needed).containsExactly(AccountCodeMode.RESTRICTED + "/false");
    }

    /** What the caller ends with, the account code prompt aside: the reservation refuses when it grants nothing. */
    private static String outcome(OutboundStep step, Direction direction, boolean reservationGranted) {
        if (step.needsCode()) {
            return "ask, else " + step.withoutCode();
        }
        if (!step.verdict().allowed()) {
            return "refused " + step.verdict().refusal();
        }
        return direction == Direction.EMERGENCY || reservationGranted ? "allowed" : "refused " + Reason.QUOTA_EXHAUSTED;
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
