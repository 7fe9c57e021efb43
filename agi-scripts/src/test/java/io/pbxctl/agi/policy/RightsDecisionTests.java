package io.pbxctl.agi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RightsDecisionTests {

    /**
     * Every call class x every direction x every subset of the closable directions x outbound
     * on/off x six quota states: 4 x 7 x 32 x 2 x 6 = 10,752 combinations, each against the oracle.
     */
    @Test
    void everyCombinationMatchesTheOracle() {
        List<String> mismatches = new ArrayList<>();
        Map<Reason, Integer> refusals = new EnumMap<>(Reason.class);
        int combinations = 0;
        int allowedWithLimit = 0;
        for (RightsSpace.Case c : RightsSpace.all()) {
            Verdict expected = RightsSpace.expected(c.rights(), c.direction());
            Verdict actual = RightsDecision.check(c.rights(), c.direction(), RightsSpace.MINIMUM);
            if (!actual.equals(expected) || actual.allowed() != (expected.refusal() == null)) {
                mismatches.add(c + ": " + actual + " instead of " + expected);
            }
            combinations++;
            if (expected.refusal() != null) {
                refusals.merge(expected.refusal(), 1, Integer::sum);
            } else if (expected.limitSeconds() > 0) {
                allowedWithLimit++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(combinations).isEqualTo(RightsSpace.SIZE).isEqualTo(10_752);
        // The space reaches every rule, so a reordering of the rules cannot pass unnoticed.
        assertThat(refusals).containsOnlyKeys(Reason.OUTBOUND_DISABLED, Reason.CLASS, Reason.DIRECTION_CLOSED,
                Reason.QUOTA_EXHAUSTED);
        assertThat(allowedWithLimit).isPositive();
    }

    @Test
    void theSpaceClosesExactlyTheDirectionsTheCodeCallsClosable() {
        Set<Direction> closable = EnumSet.noneOf(Direction.class);
        Arrays.stream(Direction.values()).filter(Direction::closable).forEach(closable::add);
        assertThat(closable).containsExactlyInAnyOrderElementsOf(RightsSpace.CLOSABLE);
        assertThat(RightsSpace.closedSets()).hasSize(32).doesNotHaveDuplicates();
    }

    @Test
    void reasonsComeInTheIssuesOrder() {
        QuotaState none = QuotaState.remaining(0);
        Set<Direction> mobileClosed = Set.of(Direction.MOBILE);
        assertThat(check(new Rights(false, CallClass.LOCAL, mobileClosed, none))).isEqualTo(Reason.OUTBOUND_DISABLED);
        assertThat(check(new Rights(true, CallClass.LOCAL, mobileClosed, none))).isEqualTo(Reason.CLASS);
        assertThat(check(new Rights(true, CallClass.NATIONAL, mobileClosed, none))).isEqualTo(Reason.DIRECTION_CLOSED);
        assertThat(check(new Rights(true, CallClass.NATIONAL, Set.of(), none))).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(check(new Rights(true, CallClass.NATIONAL, Set.of(), QuotaState.remaining(60)))).isNull();
    }

    @Test
    void aLimitedQuotaLimitsTheCallToWhatIsLeft() {
        Rights rights = new Rights(true, CallClass.NATIONAL, Set.of(), QuotaState.remaining(754));
        assertThat(RightsDecision.check(rights, Direction.MOBILE, 60)).isEqualTo(Verdict.allow(754));
    }

    @Test
    void aMinimumOfZeroStillNeedsOneSecond() {
        Rights nothingLeft = new Rights(true, CallClass.NATIONAL, Set.of(), QuotaState.remaining(0));
        Rights oneSecond = new Rights(true, CallClass.NATIONAL, Set.of(), QuotaState.remaining(1));
        assertThat(RightsDecision.check(nothingLeft, Direction.MOBILE, 0).refusal()).isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(RightsDecision.check(oneSecond, Direction.MOBILE, 0)).isEqualTo(Verdict.allow(1));
    }

    @Test
    void emergencyIsAllowedWithoutLimitEvenWithEveryDirectionClosed() {
        Rights worst = new Rights(false, CallClass.INTERNAL, EnumSet.allOf(Direction.class), QuotaState.remaining(0));
        assertThat(RightsDecision.check(worst, Direction.EMERGENCY, 60)).isEqualTo(Verdict.allow(0));
    }

    @Test
    void onlyRefusalsOfTheCallersOwnRightsCanBeLiftedByACode() {
        Set<Reason> liftable = EnumSet.of(Reason.CLASS, Reason.DIRECTION_CLOSED, Reason.OUTBOUND_DISABLED,
                Reason.QUOTA_EXHAUSTED);
        for (Reason reason : Reason.values()) {
            assertThat(RightsDecision.liftableByCode(reason)).as("%s", reason).isEqualTo(liftable.contains(reason));
        }
    }

    private static Reason check(Rights rights) {
        return RightsDecision.check(rights, Direction.MOBILE, 60).refusal();
    }
}
