package io.pbxctl.agi.policy;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole input space of a rights check and an oracle for it, written from the issue rather
 * than from the code: which class allows which direction is a literal table, not CallClass.includes.
 */
final class RightsSpace {

    static final long MINIMUM = 60;

    /** The rights table, written out. */
    static final Map<CallClass, Set<Direction>> CLASS_ALLOWS = new EnumMap<>(Map.of(
            CallClass.INTERNAL, EnumSet.of(Direction.INTERNAL, Direction.EMERGENCY),
            CallClass.LOCAL, EnumSet.of(Direction.INTERNAL, Direction.EMERGENCY, Direction.LOCAL),
            CallClass.NATIONAL, EnumSet.of(Direction.INTERNAL, Direction.EMERGENCY, Direction.LOCAL,
                    Direction.LONG_DISTANCE, Direction.MOBILE, Direction.SPECIAL),
            CallClass.INTERNATIONAL, EnumSet.of(Direction.INTERNAL, Direction.EMERGENCY, Direction.LOCAL,
                    Direction.LONG_DISTANCE, Direction.MOBILE, Direction.SPECIAL, Direction.INTERNATIONAL)));

    /** The directions an administrator may close, written out. */
    static final List<Direction> CLOSABLE = List.of(Direction.LOCAL, Direction.LONG_DISTANCE, Direction.MOBILE,
            Direction.SPECIAL, Direction.INTERNATIONAL);

    /** Read: nothing left, one second short of the minimum, exactly the minimum, plenty. */
    static final List<QuotaState> READ_QUOTAS = List.of(QuotaState.remaining(0), QuotaState.remaining(MINIMUM - 1),
            QuotaState.remaining(MINIMUM), QuotaState.remaining(36_000));

    /** Unlimited, the read ones, and a limited quota left unread for the reservation. */
    static final List<QuotaState> QUOTAS = List.of(QuotaState.unlimited(), READ_QUOTAS.get(0), READ_QUOTAS.get(1),
            READ_QUOTAS.get(2), READ_QUOTAS.get(3), QuotaState.unread());

    /** 4 classes x 7 directions x 32 closed sets x 2 (outbound on/off) x 6 quotas. */
    static final int SIZE = 4 * 7 * 32 * 2 * 6;

    private RightsSpace() {
    }

    record Case(Rights rights, Direction direction) {
        @Override
        public String toString() {
            return direction + " with " + rights;
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (CallClass callClass : CallClass.values()) {
            for (Direction direction : Direction.values()) {
                for (Set<Direction> closed : closedSets()) {
                    for (boolean outbound : new boolean[] {true, false}) {
                        for (QuotaState quota : QUOTAS) {
                            cases.add(new Case(new Rights(outbound, callClass, closed, quota), direction));
                        }
                    }
                }
            }
        }
        return cases;
    }

    /** Every subset of {@link #CLOSABLE}, from the bits of 0..31. */
    static List<Set<Direction>> closedSets() {
        List<Set<Direction>> sets = new ArrayList<>();
        for (int bits = 0; bits < 1 << CLOSABLE.size(); bits++) {
            Set<Direction> set = EnumSet.noneOf(Direction.class);
            for (int i = 0; i < CLOSABLE.size(); i++) {
                if ((bits & 1 << i) != 0) {
                    set.add(CLOSABLE.get(i));
                }
            }
            sets.add(set);
        }
        return sets;
    }

    /** What the issue says the check must answer, with the reasons in the order. */
    static Verdict expected(Rights rights, Direction direction) {
        if (direction == Direction.EMERGENCY) {
            return new Verdict(null, 0);
        }
        Reason reason = !rights.outboundEnabled() ? Reason.OUTBOUND_DISABLED
                : !CLASS_ALLOWS.get(rights.callClass()).contains(direction) ? Reason.CLASS
                : rights.closedDirections().contains(direction) ? Reason.DIRECTION_CLOSED
                : rights.quota().remainingSeconds() != null && rights.quota().remainingSeconds() < MINIMUM
                        ? Reason.QUOTA_EXHAUSTED
                        : null;
        if (reason != null) {
            return new Verdict(reason, 0);
        }
        Long remaining = rights.quota().remainingSeconds();
        return new Verdict(null, remaining == null ? 0 : remaining);
    }
}
