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
     * Leaving the caller's quota unread changes no call's outcome wherever {@code readsQuotaFirst}
     * says so: for every mode, mark, route and read quota, the decision on the unread quota
     * followed by the script's route check and the reservation (granted exactly when the read
     * quota has the minimum left) ends as the decision on the read quota does. And the read is
     * asked for exactly where skipping it would change an outcome.
     */
    @Test
    void theCallersQuotaIsReadFirstExactlyWhereLeavingItToTheReservationWouldChangeAnOutcome() {
        List<String> mismatches = new ArrayList<>();
        for (AccountCodeMode mode : AccountCodeMode.values()) {
            for (boolean needsCode : new boolean[] {true, false}) {
                for (boolean hasRoute : new boolean[] {true, false}) {
                    boolean changes = false;
                    for (RightsSpace.Case c : readQuotaCases()) {
                        String read = outcome(OutboundDecision.decide(mode, needsCode, c.rights(), c.direction(), RightsSpace.MINIMUM),
                                c, hasRoute);
                        String unread = outcome(OutboundDecision.decide(mode, needsCode, unread(c.rights()), c.direction(),
                                RightsSpace.MINIMUM), c, hasRoute);
                        if (!read.equals(unread)) {
                            changes = true;
                            if (!OutboundDecision.readsQuotaFirst(mode, needsCode, hasRoute)) {
                                mismatches.add(mode + ", needs code " + needsCode + ", route " + hasRoute + ", " + c + ": " + unread
                                        + " instead of " + read);
                            }
                        }
                    }
                    assertThat(OutboundDecision.readsQuotaFirst(mode, needsCode, hasRoute))
                            .as("%s, needs code %s, route %s: read only where it changes an outcome", mode, needsCode, hasRoute)
                            .isEqualTo(changes);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * The same for an entered code's owner, whose rights decide once the code is accepted: the
     * call uses the caller's trunks, or the owner's when the caller has none.
     */
    @Test
    void theOwnersQuotaIsReadFirstExactlyWhereLeavingItToTheReservationCouldChangeAnOutcome() {
        for (boolean ownerHasRoute : new boolean[] {true, false}) {
            boolean changes = false;
            for (boolean callerHasRoute : new boolean[] {true, false}) {
                for (RightsSpace.Case c : readQuotaCases()) {
                    boolean route = callerHasRoute || ownerHasRoute;
                    String read = outcome(OutboundStep.decided(RightsDecision.check(c.rights(), c.direction(), RightsSpace.MINIMUM)),
                            c, route);
                    String unread = outcome(OutboundStep.decided(RightsDecision.check(unread(c.rights()), c.direction(),
                            RightsSpace.MINIMUM)), c, route);
                    changes |= !read.equals(unread);
                }
            }
            assertThat(OutboundDecision.readsOwnersQuotaFirst(ownerHasRoute)).as("owner's route %s", ownerHasRoute).isEqualTo(changes);
        }
    }

    private static List<RightsSpace.Case> readQuotaCases() {
        return RightsSpace.all().stream().filter(c -> RightsSpace.READ_QUOTAS.contains(c.rights().quota())).toList();
    }

    private static Rights unread(Rights rights) {
        return new Rights(rights.outboundEnabled(), rights.callClass(), rights.closedDirections(), QuotaState.unread());
    }

    /**
     * What the caller ends with, as OutboundScript goes on from the step (the account code prompt
     * aside): the route check, then the reservation, which refuses when less than the minimum is
     * left of the case's read quota. Emergency calls reserve nothing.
     */
    private static String outcome(OutboundStep step, RightsSpace.Case c, boolean hasRoute) {
        if (step.needsCode()) {
            return "ask, else " + step.withoutCode();
        }
        if (!step.verdict().allowed()) {
            return "refused " + step.verdict().refusal();
        }
        if (!hasRoute) {
            return "refused " + Reason.NO_ROUTE;
        }
        boolean granted = c.rights().quota().remainingSeconds() >= RightsSpace.MINIMUM;
        return c.direction() == Direction.EMERGENCY || granted ? "allowed" : "refused " + Reason.QUOTA_EXHAUSTED;
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
